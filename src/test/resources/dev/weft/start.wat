;; A start function that writes memory and a global, for InstantiationTest.
;; Compile: wat2wasm --debug-names start.wat -o start.wasm
(module $start
  (memory (export "memory") 1)
  (global $ready (export "ready") (mut i32) (i32.const 0))
  (data (i32.const 0) "data")
  ;; runs after the data segment: copies "data" to 4 and marks the instance ready
  (func $init
    (memory.copy (i32.const 4) (i32.const 0) (i32.const 4))
    (global.set $ready (i32.const 1)))
  (start $init)
)
