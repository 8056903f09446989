;; Fails to instantiate (its last data segment is out of bounds) after an active element put
;; $read into the imported table: $read must still reach this module's own memory, for CloseTest.
;; Compile: wat2wasm --debug-names escaped_function.wat -o escaped_function.wasm
(module $escaped_function
  (import "env" "table" (table 1 funcref))
  (memory 1)
  (func $read (result i32) (i32.load (i32.const 0)))
  (elem (i32.const 0) $read)
  (data (i32.const 0) "\2a\00\00\00")
  (data (i32.const 65536) "beyond")
)
