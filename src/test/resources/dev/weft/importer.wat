;; Imports exporter.wat's memory, table, global and a function, for LinkingTest.
;; Compile: wat2wasm --debug-names importer.wat -o importer.wasm
(module $importer
  (type $to_i32 (func (result i32)))
  (import "lib" "memory" (memory 1))
  (import "lib" "table" (table 4 funcref))
  (import "lib" "counter" (global $counter (mut i32)))
  (import "lib" "own" (func $lib_own (type $to_i32)))
  (import "env" "grow" (func $host_grow (type $to_i32)))
  (import "lib" "fail" (func $lib_fail (param i32) (result i32)))
  (global $mine (mut i32) (i32.const 5))
  (elem (i32.const 1) $mine $grow_and_store)
  (export "memory" (memory 0))

  ;; 2000 + this instance's own global
  (func $mine (type $to_i32) (i32.add (i32.const 2000) (global.get $mine)))
  ;; grows the shared memory by a page and writes 42 at its start
  (func $grow_and_store (type $to_i32) (local $old i32)
    (local.set $old (memory.grow (i32.const 1)))
    (i32.store (i32.const 65536) (i32.const 42))
    (local.get $old))
  (func $load (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func $store (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func $bump (export "bump") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 10)))
    (global.get $counter))
  (func $call (export "call") (param i32) (result i32) (call_indirect (type $to_i32) (local.get 0)))
  (func $call_lib (export "call_lib") (result i32) (call $lib_own))
  (func $call_fail (export "call_fail") (param i32) (result i32) (call $lib_fail (local.get 0)))
  ;; the host grows the memory; the new page is usable right after the call
  (func $host_grow_then_store (export "host_grow_then_store") (param i32) (result i32)
    (drop (call $host_grow))
    (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)) (local.get 0))
    (i32.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))))
)
