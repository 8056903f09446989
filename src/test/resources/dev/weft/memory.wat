;; Loads and stores of every width, and growth, for MemoryViewTest.
;; Compile: wat2wasm --debug-names memory.wat -o memory.wasm
(module $memory
  (memory (export "memory") 1 3)
  (func $load8 (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func $load32 (export "load32") (param i32) (result i32) (i32.load (local.get 0)))
  (func $load64 (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
  (func $loadf64 (export "loadf64") (param i32) (result f64) (f64.load (local.get 0)))
  (func $store8 (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func $store32 (export "store32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func $store64 (export "store64") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func $grow (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func $size (export "size") (result i32) (memory.size))
)
