#!/bin/bash
# one program per JVM, no broad warm-up. env: N, MODES, X, Y (jar names in $D), PROGS (space-separated), ROUNDS, OUT, D
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
D=${D:?folder holding the jars}
H=${H:-bench/target/benchmarks.jar}
mkdir -p "$OUT"
for n in $(seq 1 ${N:-1}); do
 i=0
 for prog in $PROGS; do i=$((i+1))
  for mode in ${MODES:-weft-switch weft-handles}; do
   java -Dweft.bench.warmupRounds=0 -cp $H dev.weft.bench.InterleavedAB $D/$X.jar $D/$Y.jar $mode ${ROUNDS:-5} $prog > $OUT/$X$Y-$mode-$n$i-ab.txt 2>&1
   java -Dweft.bench.warmupRounds=0 -cp $H dev.weft.bench.InterleavedAB $D/$Y.jar $D/$X.jar $mode ${ROUNDS:-5} $prog > $OUT/$X$Y-$mode-$n$i-ba.txt 2>&1
  done
 done
done
echo ALLDONE > $OUT/done
