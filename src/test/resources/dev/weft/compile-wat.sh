#!/bin/sh
# Recompiles every test module here from its .wat (wabt's wat2wasm; 1.0.32 made the committed
# .wasm files). CI has no wat2wasm, so the .wasm files are committed: run this after editing a .wat.
set -e
cd "$(dirname "$0")"
for wat in *.wat; do
    wat2wasm --debug-names "$wat" -o "${wat%.wat}.wasm"
done
