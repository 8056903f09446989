#!/bin/bash
# Builds a harness jar for InterleavedAB's side of an old Weft build whose API predates the harness:
# this repository's bench sources with engines-e3f9f3d.patch applied (the engine adapters ported to
# e3f9f3d's API: no Tier, no fuel or deadline, no bound host functions, no translateAll), compiled
# against the old weft.jar, put over a copy of the harness jar.
#
#   bench/current/programs/vs-e3f9f3d-2026-12-06/old-harness.sh OLD-weft.jar bench/target/benchmarks.jar OUT.jar
#
# Run from the repository root on JDK 25, after `mvn -f bench/pom.xml package`; then
#   java -Dweft.bench.warmupSkip=image_filter-simd,string_search-simd,dot_matrix-simd \
#     -cp bench/target/benchmarks.jar dev.weft.bench.InterleavedAB OLD-weft.jar=OUT.jar bench/target/benchmarks.jar weft-switch 7 PROGRAMS
set -euo pipefail
old=$(realpath "$1") harness=$(realpath "$2") out=$3
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench/src/main" "$work/classes"
cp -r bench/src/main/java "$work/bench/src/main/"
(cd "$work" && patch -s -p1 < "$here/engines-e3f9f3d.patch")
mvn -q -o -B -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp=$(tr ':' '\n' < "$work/cp.txt" | grep -v '/dev/weft/weft/' | paste -sd: -)
src="$work/bench/src/main/java/dev/weft/bench"
javac -proc:none -nowarn -d "$work/classes" -cp "$old:$cp" $(find "$src/engines" "$src/support" -name '*.java') "$src/InterleavedAB.java"
cp "$harness" "$out"
jar --update --file "$out" -C "$work/classes" .
echo "$out: $(find "$work/classes" -name '*.class' | wc -l) classes for $(basename "$old")"
