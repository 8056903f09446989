#!/bin/sh
# Recompiles the modules of docs/getting-started.md and docs/cookbook.md from their .wat (wabt's
# wat2wasm; 1.0.32 made the committed .wasm files). CI has no wat2wasm, so the .wasm files are
# committed: run this after editing a .wat. DocSnippetsTest checks the docs show these .wat files.
set -e
cd "$(dirname "$0")"
for wat in *.wat; do
    wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
