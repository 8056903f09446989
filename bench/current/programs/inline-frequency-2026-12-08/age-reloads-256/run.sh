export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
cd /work/ab/s38/agerl
P=${P:-nbody}; E=${E:-weft-handles}
for r in $(seq 1 ${R:-4}); do
 for h in after-others alone; do
  for j in head rl; do
   java -jar /work/ab/s38/bench-$j.jar "dev.weft.bench.ProgramAgeBenchmark.run" -p engine=$E -p program=$P -p history=$h -f 1 -foe true -rf json -rff $j-$E-$P-$h-$r.json > $j-$E-$P-$h-$r.log 2>&1
  done
 done
done
echo done > done-$E-$P
