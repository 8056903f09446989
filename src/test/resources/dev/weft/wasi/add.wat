;; Not a WASI command: exports add(i32, i32) -> i32 and a 64-bit variant, for the CLI's --invoke.
;; Build: wat2wasm add.wat -o add.wasm
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1))))
