#!/bin/bash
export PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
one() { # jar round
  j=$1; r=$2
  date +"%T start $j $r"
  java -jar /work/ab/$j.jar "dev.weft.bench.ProgramBenchmark.run" -p engine=weft-switch,weft-handles -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff prog-$j-$r.json > prog-$j-$r.txt 2>&1
  date +"%T prog done"
  java -jar /work/ab/$j.jar "dev.weft.bench.ExecutionBenchmark" -p engine=weft-switch,weft-handles -p workload=coremark -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff cm-$j-$r.json > cm-$j-$r.txt 2>&1
  date +"%T cm done"
}
one hs25 1; one head23 1; one head23 2; one hs25 2
