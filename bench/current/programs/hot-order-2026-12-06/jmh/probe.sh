#!/bin/bash
export PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
for r in 1 2 3; do for e in weft-switch weft-handles; do for j in head23 hotprio; do
  printf "%s %s %s " $r $e $j; java -cp /work/ab/$j.jar dev.weft.bench.Probe $e 5 coremark 2>&1 | grep -i coremark | tail -1
done; done; done
