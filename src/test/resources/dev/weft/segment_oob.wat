;; Active segments, the last one out of bounds, into imported memory and tables, for
;; InstantiationTest. Compile: wat2wasm --debug-names segment_oob.wat -o segment_oob.wasm
(module $segment_oob
  (import "env" "memory" (memory 1))
  (import "env" "table" (table 2 funcref))
  (func $f)
  (elem (i32.const 0) $f)
  (data (i32.const 0) "first")
  (data (i32.const 65534) "beyond")
  (func $start (i32.store (i32.const 8) (i32.const 1)))
  (start $start)
)
