#!/usr/bin/env bash
# Builds the corpus programs (*.c here) to wasm32-wasi with Debian's clang 14, wasm-ld and
# wasi-libc (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32). The .wasm files are
# committed, so nothing else needs clang; rebuild only after changing a source, then re-record
# expected.json with ./record.sh and check that the outputs did not change by accident.
#
#   bench/corpus/build.sh            # every program
#   bench/corpus/build.sh json_tree  # one
#
# The SIMD programs (image_filter, string_search, dot_matrix) are built twice: NAME.wasm as the
# others, NAME-simd.wasm with -msimd128 (clang then vectorises their loops); both print the same.
#
# The builds are reproducible: the same toolchain gives byte-identical files (build.sh --check
# rebuilds into a temporary directory and compares).
set -euo pipefail
cd "$(dirname "$0")"
check=
if [ "${1:-}" = "--check" ]; then
    check=$(mktemp -d)
    shift
fi
programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
    programs=(bytecode_vm btree_kv lz_huffman json_tree fft_conv callback_sort deep_recursion
              image_filter string_search dot_matrix)
fi
simd=" image_filter string_search dot_matrix "
build() { # NAME SOURCE [FLAGS...]
    local name=$1 source=$2
    shift 2
    local out=${check:-.}/$name.wasm
    clang --target=wasm32-wasi -O2 "$@" -Wall -Wextra -Werror -Wl,--strip-debug "$source.c" -o "$out" -lm
    if [ -n "$check" ]; then
        cmp "$out" "$name.wasm" && echo "$name.wasm: identical"
    else
        echo "$name.wasm: $(stat -c %s "$name.wasm") bytes"
    fi
}
for p in "${programs[@]}"; do
    build "$p" "$p"
    if [[ "$simd" == *" $p "* ]]; then
        build "$p-simd" "$p" -msimd128
    fi
done
[ -z "$check" ] || rm -rf "$check"
