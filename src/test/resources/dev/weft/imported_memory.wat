;; Uses an imported memory, initialised by a data segment, for MemoryViewTest.
;; Compile: wat2wasm --debug-names imported_memory.wat -o imported_memory.wasm
(module $imported_memory
  (import "env" "memory" (memory 1))
  (data (i32.const 100) "from the data segment")
  (func $load8 (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func $store8 (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func $size (export "size") (result i32) (memory.size))
)
