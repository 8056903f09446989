#!/usr/bin/env python3
"""Whole-process runs of the corpus programs on the CLI, one fresh JVM per run.

Measures what a user of `weft run` sees, JVM start-up, loading and the run together, for
settings compared in the same loop (rounds alternate them, so a change of machine load hits
all alike). Every run's stdout is checked against bench/corpus/expected.json.

    python3 bench/cli-runs.py target/weft.jar interpreter,auto ROUNDS PROGRAM...
    python3 bench/cli-runs.py target/weft.jar interpreter,auto:-Dweft.tier.jitWait=0 5 json_tree

A setting is a tier, optionally followed by ':' and JVM options joined by '+'. Prints each
program's median wall-clock ms per setting and the geometric mean of each setting's medians
against the first's. JAVA (default: java on PATH) and BENCH_WASM (default: ../shared/bench-wasm)
locate the JVM and bench-wasm's WASI programs.
"""
import json, math, os, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
java = os.environ.get('JAVA', 'java')
bench_wasm = os.environ.get('BENCH_WASM', os.path.join(here, '..', '..', 'shared', 'bench-wasm'))
jar, settings, rounds, programs = sys.argv[1], sys.argv[2].split(','), int(sys.argv[3]), sys.argv[4:]
expected = {e['program']: e for e in json.load(open(os.path.join(here, 'corpus', 'expected.json'))) if e['role'] == 'measured'}
times = {}
for _ in range(rounds):
    for p in programs:
        e = expected[p]
        wasm = os.path.join(here, 'corpus', e['file']) if e['source'] == 'corpus' else os.path.join(bench_wasm, e['file'])
        for s in settings:
            tier, _, opts = s.partition(':')
            cmd = [java] + (opts.split('+') if opts else []) + ['-cp', jar, 'dev.weft.cli.Main', 'run', '--tier', tier, wasm] + e['args']
            t0 = time.time()
            out = subprocess.run(cmd, capture_output=True, text=True)
            ms = (time.time() - t0) * 1000
            if out.stdout != e['stdout']:
                sys.exit(f'{p} with {s}: wrong output\n{out.stdout[:300]}\n{out.stderr[:300]}')
            times.setdefault((p, s), []).append(ms)
medians = {k: statistics.median(v) for k, v in times.items()}
for p in programs:
    print(f'{p:16}' + ''.join(f'  {s} {medians[(p, s)]:.0f}' for s in settings))
for s in settings[1:]:
    ratio = math.exp(sum(math.log(medians[(p, s)] / medians[(p, settings[0])]) for p in programs) / len(programs))
    print(f'{s} / {settings[0]}: {ratio:.3f} (geometric mean of the medians)')
