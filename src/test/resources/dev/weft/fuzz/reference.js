// Reference side of DifferentialFuzzTest: runs modules on Node's V8 and prints a transcript in
// the format WeftRunner prints for Weft (see DifferentialFuzzTest for the protocol).
//
//   node reference.js PLAN.json
//
// PLAN.json: [{"file": "...", "exports": [{"name": "...", "params": ["i32", ...]}, ...]}, ...]
// (the exported functions in module order, from Weft's decoder; checked against V8's list).
'use strict';
const fs = require('fs');

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function hex(big, digits) {
  return '0x' + big.toString(16).padStart(digits, '0');
}

function format(type, v) {
  switch (type) {
    case 'i32': return 'i32:' + (v | 0);
    case 'i64': return 'i64:' + BigInt.asIntN(64, v).toString();
    case 'f32': f32[0] = v; return Number.isNaN(f32[0]) ? 'f32:nan' : 'f32:' + hex(BigInt(u32[0]), 8);
    case 'f64': f64[0] = v; return Number.isNaN(v) ? 'f64:nan' : 'f64:' + hex(u64[0], 16);
    default: return 'ref:' + (v === null ? 'null' : 'nonnull');
  }
}

function zero(type) {
  switch (type) {
    case 'i64': return 0n;
    case 'i32': case 'f32': case 'f64': return 0;
    default: return null;
  }
}

const out = [];
function line(s) {
  out.push(s);
  if (out.length >= 4096) flush();
}
function flush() {
  if (out.length) fs.writeSync(1, out.join('\n') + '\n');
  out.length = 0;
}

function run(entry) {
  line('module ' + entry.file);
  let module;
  try {
    module = new WebAssembly.Module(fs.readFileSync(entry.file));
  } catch (e) {
    line('invalid');
    return;
  }
  const logger = (type) => (v) => line('log ' + format(type, v));
  const imports = {
    'fuzzing-support': {
      'log-i32': logger('i32'), 'log-i64': logger('i64'), 'log-f32': logger('f32'), 'log-f64': logger('f64'),
      // V8 throws a TypeError when wasm calls it: JavaScript has no v128 (Weft stops there too)
      'log-v128': () => {},
    },
  };
  const expected = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
  if (!entry.exports || expected.join('\n') !== entry.exports.map((e) => e.name).join('\n')) {
    line('plan-mismatch ' + JSON.stringify(expected));
    return;
  }
  let instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    line(e instanceof WebAssembly.LinkError ? 'link-error' : 'instantiation-trap');
    return;
  }
  const exports = instance.exports;
  for (const e of entry.exports) {
    if (exports.hangLimitInitializer) {
      exports.hangLimitInitializer();
    }
    line('call ' + e.name);
    let r;
    try {
      r = exports[e.name](...e.params.map(zero));
    } catch (x) {
      if (x instanceof WebAssembly.RuntimeError || x instanceof RangeError) {
        line('trap');
      } else if (x instanceof TypeError && /type incompatibility|v128/i.test(String(x))) {
        line('v128-boundary');
      } else {
        line('error ' + String(x).split('\n')[0]);
      }
      continue;
    }
    const results = e.results.length === 1 ? [r] : e.results.length === 0 ? [] : Array.from(r);
    line('result' + e.results.map((t, i) => ' ' + format(t, results[i])).join(''));
  }
}

for (const entry of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  run(entry);
}
line('end');
flush();
