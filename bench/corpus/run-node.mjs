// Runs a WASI command on Node's V8 with its built-in WASI (preview 1), as the reference engine
// for expected.json:  node run-node.mjs FILE.wasm [ARG...]
// The guest's stdout and stderr go to this process's; its exit code becomes this process's.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
