;; An active element segment out of bounds, for InstantiationTest.
;; Compile: wat2wasm --debug-names elem_oob.wat -o elem_oob.wasm
(module $elem_oob
  (import "env" "memory" (memory 1))
  (import "env" "table" (table 2 funcref))
  (func $f)
  (elem (i32.const 0) $f)
  (elem (i32.const 1) $f $f)
  (data (i32.const 0) "never")
)
