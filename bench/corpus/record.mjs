// Records expected.json: the exact stdout and exit code of every program run the benchmarks and
// the tests use, produced by Node's V8 with its built-in WASI (run-node.mjs), the reference engine.
// This table is the one definition of the run sizes: "test" (Weft's CorpusProgramsTest, both
// dispatch modes), "warmup" (the benchmarks' broad warm-up) and "measured" (the benchmarks).
//
//   node bench/corpus/record.mjs            # rewrites bench/corpus/expected.json
//   node bench/corpus/record.mjs --native   # also builds the corpus with gcc and compares (report only)
//
// Programs of the shared bench-wasm set (source "bench-wasm") are read from ../shared/bench-wasm
// (or $WEFT_BENCH_WASM); where a run is also listed in its wasi/expected.json, both must agree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benchWasm = process.env.WEFT_BENCH_WASM ?? resolve(here, '../../../shared/bench-wasm');

const corpus = {
  bytecode_vm:    { test: [['100'], ['400']],       warmup: [['1000']],      measured: [['4000']] },
  btree_kv:       { test: [['2000'], ['20000']],    warmup: [['50000']],     measured: [['200000']] },
  lz_huffman:     { test: [['4'], ['16']],          warmup: [['64']],        measured: [['256']] },
  json_tree:      { test: [['30'], ['300']],        warmup: [['1000']],      measured: [['4000']] },
  fft_conv:       { test: [['6', '1'], ['10', '2']], warmup: [['12', '4']],  measured: [['14', '4']] },
  callback_sort:  { test: [['100', '1'], ['1000', '1']], warmup: [['2000', '2']], measured: [['6000', '2']] },
  deep_recursion: { test: [['1']],                  warmup: [['2']],         measured: [['4']] },
};
// the SIMD programs, each also built with -msimd128 as NAME-simd.wasm (program NAME-simd, same runs)
const simd = {
  image_filter:   { test: [['32', '1'], ['64', '2']], warmup: [['256', '2']], measured: [['512', '8']] },
  string_search:  { test: [['4', '1'], ['16', '1']],  warmup: [['64', '2']],  measured: [['512', '4']] },
  dot_matrix:     { test: [['8', '1'], ['24', '1']],  warmup: [['64', '1']],  measured: [['128', '4']] },
};
for (const [name, roles] of Object.entries(simd)) {
  corpus[name] = roles;
  corpus[`${name}-simd`] = roles;
}
const shared = {
  sha256:    { warmup: [['64', '2']],    measured: [['512', '2']] },
  matmul:    { warmup: [['100', '2']],   measured: [[]] },
  tokenizer: { warmup: [['1000', '2']],  measured: [['5000', '2']] },
  nbody:     { warmup: [['4000']],       measured: [[]] },
};

function run(path, args) {
  const r = spawnSync(process.execPath, ['--no-warnings', join(here, 'run-node.mjs'), path, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return { exit_code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const entries = [];
function record(program, source, file, path, roles) {
  for (const role of ['test', 'warmup', 'measured']) {
    for (const args of roles[role] ?? []) {
      const t0 = Date.now();
      const r = run(path, args);
      if (r.exit_code !== 0) {
        throw new Error(`${file} ${args.join(' ')} exited ${r.exit_code}: ${r.stderr}`);
      }
      console.error(`${role.padEnd(8)} ${file} ${args.join(' ')}: ${Date.now() - t0} ms on V8`);
      entries.push({ program, source, file, role, args, exit_code: r.exit_code, stdout: r.stdout });
    }
  }
}

for (const [name, roles] of Object.entries(corpus)) {
  record(name, 'corpus', `${name}.wasm`, join(here, `${name}.wasm`), roles);
}
const sharedExpected = JSON.parse(readFileSync(join(benchWasm, 'wasi', 'expected.json'), 'utf8'));
for (const [name, roles] of Object.entries(shared)) {
  record(name, 'bench-wasm', `wasi/${name}.wasm`, join(benchWasm, 'wasi', `${name}.wasm`), roles);
}
for (const e of entries.filter(e => e.source === 'bench-wasm')) {
  const listed = sharedExpected.find(s => `wasi/${s.file}` === e.file && JSON.stringify(s.args) === JSON.stringify(e.args));
  if (listed && (listed.stdout !== e.stdout || listed.exit_code !== e.exit_code)) {
    throw new Error(`${e.file} ${e.args.join(' ')}: V8 disagrees with bench-wasm's expected.json`);
  }
}
writeFileSync(join(here, 'expected.json'), JSON.stringify(entries, null, 1) + '\n');
console.error(`wrote ${entries.length} runs to ${join(here, 'expected.json')}`);

if (process.argv.includes('--native')) {
  // The same C built natively (gcc -O2, glibc): a second, independent check of the outputs.
  const dir = mkdtempSync(join(tmpdir(), 'corpus-native-'));
  for (const name of Object.keys(corpus).filter(n => !n.endsWith('-simd'))) { // the same source as NAME
    const exe = join(dir, name);
    const cc = spawnSync('gcc', ['-O2', '-Wall', '-Wextra', join(here, `${name}.c`), '-o', exe, '-lm'], { encoding: 'utf8' });
    if (cc.status !== 0) {
      console.error(`gcc ${name}.c failed: ${cc.stderr}`);
      continue;
    }
    for (const e of entries.filter(e => e.program === name || e.program === `${name}-simd`)) {
      const r = spawnSync(exe, e.args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      const same = r.stdout === e.stdout && r.status === e.exit_code;
      console.error(`native ${name} ${e.args.join(' ')}: ${same ? 'same' : 'DIFFERENT'}`);
      if (!same) {
        const a = e.stdout.split('\n'), b = r.stdout.split('\n');
        a.forEach((line, i) => { if (line !== b[i]) console.error(`   wasm:   ${line}\n   native: ${b[i]}`); });
      }
    }
  }
}
