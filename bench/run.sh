#!/usr/bin/env bash
# Runs a benchmark profile and regenerates the report (tables + chart) from its JMH JSON.
#
#   bench/run.sh short          # a few minutes on a quiet 2-core machine: Weft's ratios and targets
#   bench/run.sh programs       # the WASI programs on both Weft modes: times, age ratios, repetition (40 min)
#   bench/run.sh bounds         # what fuel metering and deadlines cost, suspend/resume, how soon a guest stops
#   bench/run.sh cold           # spidermonkey loaded in fresh JVMs, without and with the JDK's AOT cache (5 min)
#   bench/run.sh full           # everything, every engine (not timed since the program benchmarks: expect well over two hours on 2 cores)
#   bench/run.sh short --docs   # also rewrite the generated part of docs/performance.md and docs/performance.svg
#
# Needs only a JDK 22+ (JAVA_HOME or java on the PATH) and bench/target/benchmarks.jar
# (mvn -B install -DskipTests at the top, then mvn -B -f bench/pom.xml package).
# WEFT_BENCH_LAUNCHER_OPTS adds options to the launching JVM (not the forks), e.g.
# -Djmh.ignoreLock=true when another JMH run on the machine holds /tmp/jmh.lock.
# Output: bench/results/<profile>/ (*.json from JMH, *.log, run-info.txt, performance-tables.md, performance.svg).
set -euo pipefail

profile=${1:-short}
docs=${2:-}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$bench/target/benchmarks.jar"
out="$bench/results/$profile"

[ -f "$jar" ] || { echo "missing $jar: run mvn -B -f bench/pom.xml package" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
info="$out/run-info.txt"
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a"; }
echo "profile $profile, started $(date -u +%Y-%m-%dT%H:%MZ), load average $(load)" > "$info"

# jmh NAME ARGS...: one JMH invocation, JSON to $out/NAME.json, full log to $out/NAME.log
jmh() {
    local name=$1
    shift
    echo "java ${launcher_opts[*]}${launcher_opts[*]:+ }-jar bench/target/benchmarks.jar $* -foe true -rf json -rff $name.json" >> "$info"
    echo ">> $name: $*"
    set +o pipefail
    (cd "$root" && "$java" "${launcher_opts[@]}" -jar "$jar" "$@" -foe true -rf json -rff "$out/$name.json" 2>&1) | tee "$out/$name.log" \
        | grep --line-buffered -E '^(# Run progress|[A-Za-z]+Benchmark\.[A-Za-z]+ )'
    local status=${PIPESTATUS[0]}
    set -o pipefail
    if [ "$status" -ne 0 ] || grep -q -E 'WrongResultException|<failure>' "$out/$name.log"; then
        echo "$name failed (exit $status): see $out/$name.log" >&2
        exit 1
    fi
}

read -r -a launcher_opts <<< "${WEFT_BENCH_LAUNCHER_OPTS:-}"
quick="-f 1 -wi 2 -i 3 -w 1s -r 1s"
case "$profile" in
    short)
        jmh execution-weft ExecutionBenchmark $quick -p engine=weft-switch,weft-handles
        jmh execution-chicory ExecutionBenchmark $quick -p engine=chicory-interpreter -p workload=coremark
        jmh calls 'CallBenchmark.(exportCall|hostCall|hostCallBound)$' -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc -p engine=weft-switch,weft-handles
        jmh translation TranslationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -p engine=weft -p module=large/spidermonkey.wasm
        jmh programs ProgramBenchmark $quick -p engine=weft-switch,weft-handles -p program=bytecode_vm,callback_sort,nbody
        jmh age ProgramAgeBenchmark $quick -p engine=weft-switch -p program=callback_sort,nbody
        jmh repetition ProgramRepetitionBenchmark -i 5 -p program=callback_sort,nbody -p history=alone
        ;;
    programs)
        jmh programs ProgramBenchmark $quick -p engine=weft-switch,weft-handles
        jmh age ProgramAgeBenchmark $quick
        jmh repetition ProgramRepetitionBenchmark -i 8
        ;;
    full)
        full="-f 1 -wi 2 -i 5 -w 2s -r 2s"
        jmh execution ExecutionBenchmark $full
        jmh calls CallBenchmark $full -prof gc
        jmh translation TranslationBenchmark $full
        jmh instantiation InstantiationBenchmark $full -prof gc
        jmh programs ProgramBenchmark $full
        jmh age ProgramAgeBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
        jmh repetition ProgramRepetitionBenchmark -i 10
        ;;
    bounds)
        # the cost of bounding guests: each Weft mode plain, with every call metered, and with a deadline armed
        jmh execution-bounds ExecutionBenchmark $quick \
            -p engine=weft-switch,weft-switch-fuel,weft-switch-deadline,weft-handles,weft-handles-fuel,weft-handles-deadline
        jmh bounds-cost BoundsCostBenchmark -f 2 -wi 2 -i 5 -w 2s -r 2s
        jmh resume ResumeBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s
        (cd "$root" && "$java" -cp "$jar" dev.weft.bench.Reaction 200) | tee "$out/reaction.txt"
        ;;
    cold)
        # Cold load in fresh JVMs, plain and with an AOT cache of the JDK (JEP 483, 514, 515: classes
        # loaded and linked, and method profiles, from a training run), three alternating rounds.
        # The cache is trained by loading the same module in-process (-f 0) with the same class path
        # as the forks. No report page: the numbers are in the JMH output and JSON.
        aot="$out/cold.aot"
        echo "java -XX:AOTCacheOutput=$aot -jar bench/target/benchmarks.jar ColdLoadBenchmark -f 0 -wi 0 -i 5" >> "$info"
        (cd "$root" && "$java" -XX:AOTCacheOutput="$aot" -jar "$jar" ColdLoadBenchmark -f 0 -wi 0 -i 5) \
            > "$out/aot-training.log" 2>&1 || { echo "AOT training failed: see $out/aot-training.log" >&2; exit 1; }
        for round in 1 2 3; do
            jmh "cold-plain-$round" ColdLoadBenchmark -f 10
            jmh "cold-aot-$round" ColdLoadBenchmark -f 10 -jvmArgsAppend "-XX:AOTCache=$aot"
        done
        echo "finished $(date -u +%Y-%m-%dT%H:%MZ), load average $(load)" >> "$info"
        exit 0
        ;;
    *)
        echo "unknown profile '$profile' (short, programs, bounds, cold or full)" >&2
        exit 2
        ;;
esac
echo "finished $(date -u +%Y-%m-%dT%H:%MZ), load average $(load)" >> "$info"

page_args=()
if [ "$docs" = "--docs" ]; then
    page_args=(--page "$root/docs/performance.md")
fi
(cd "$root" && "$java" -cp "$jar" dev.weft.bench.report.Report --out "$out" --run-info "$info" \
    --date "$(date -u +%Y-%m-%d)" "${page_args[@]}" "$out"/*.json)
