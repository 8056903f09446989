;; Exports a _start that takes a parameter, which is not a WASI command's entry point.
;; Build: wat2wasm badstart.wat -o badstart.wasm
(module
  (func (export "_start") (param i32)))
