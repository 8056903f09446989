;; Reads and writes imported globals of every type, for HostObjectsTest.
;; Compile: wat2wasm --debug-names globals.wat -o globals.wasm
(module $globals
  (import "env" "i32" (global $i32 (mut i32)))
  (import "env" "i64" (global $i64 (mut i64)))
  (import "env" "f32" (global $f32 (mut f32)))
  (import "env" "f64" (global $f64 (mut f64)))
  (import "env" "externref" (global $externref (mut externref)))
  (import "env" "funcref" (global $funcref (mut funcref)))
  (import "env" "table" (table $table 1 externref))
  (func $get_i32 (export "get_i32") (result i32) (global.get $i32))
  (func $get_f32 (export "get_f32") (result f32) (global.get $f32))
  (func $get_externref (export "get_externref") (result externref) (global.get $externref))
  (func $get_funcref (export "get_funcref") (result funcref) (global.get $funcref))
  ;; adds one to each numeric global; swaps the externref global with table element 0
  (func $step (export "step")
    (global.set $i32 (i32.add (global.get $i32) (i32.const 1)))
    (global.set $i64 (i64.add (global.get $i64) (i64.const 1)))
    (global.set $f32 (f32.add (global.get $f32) (f32.const 1)))
    (global.set $f64 (f64.add (global.get $f64) (f64.const 1)))
    (global.set $externref (table.get $table (i32.const 0)))
    (global.set $funcref (ref.func $step)))
  (func $table_size (export "table_size") (result i32) (table.size $table))
)
