;; Exports a memory, a table, globals and functions; importer.wat links to them. For LinkingTest.
;; Compile: wat2wasm --debug-names exporter.wat -o exporter.wasm
(module $exporter
  (type $to_i32 (func (result i32)))
  (memory (export "memory") 1)
  (table (export "table") 4 funcref)
  (global $counter (export "counter") (mut i32) (i32.const 0))
  (global $base (export "base") i32 (i32.const 1000))
  (elem (i32.const 0) $own)

  ;; base + mem[0]: reads this instance's global and the shared memory
  (func $own (export "own") (type $to_i32) (i32.add (global.get $base) (i32.load (i32.const 0))))
  (func $load (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func $store (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func $bump (export "bump") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (global.get $counter))
  (func $call (export "call") (param i32) (result i32) (call_indirect (type $to_i32) (local.get 0)))
  ;; calls table element i (which may grow the memory), then reads the memory's second page at once
  (func $call_then_load (export "call_then_load") (param i32) (result i32)
    (drop (call_indirect (type $to_i32) (local.get 0)))
    (i32.load (i32.const 65536)))
  (func $size (export "size") (result i32) (memory.size))
  (func $fail (export "fail") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
)
