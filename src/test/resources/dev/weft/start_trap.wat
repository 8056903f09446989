;; Imports a memory and a table, writes both (segments, then the start function), then traps in
;; the start function, for InstantiationTest. Compile: wat2wasm --debug-names start_trap.wat -o start_trap.wasm
(module $start_trap
  (import "env" "memory" (memory 1))
  (import "env" "table" (table 2 funcref))
  (elem (i32.const 0) $helper)
  (data (i32.const 0) "segment")
  (func $helper (i32.store8 (i32.const 100) (i32.const 0x2A)))
  (func $init
    (call $helper)
    (i32.store (i32.const 200) (i32.const 0x600D))
    (unreachable))
  (start $init)
)
