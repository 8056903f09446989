;; Host functions that do not set their results, for HostFunctionTest: each is called where an
;; earlier call left a value of its own in the result slot.
;; Compile: wat2wasm --debug-names unset_results.wat -o unset_results.wasm
(module $unset_results
  (type $void (func))
  (import "env" "echo_ref" (func $echo_ref (param externref i64) (result externref i64)))
  (import "env" "echo_i64" (func $echo_i64 (param i64 externref) (result i64 externref)))
  (import "env" "nothing_ref" (func $nothing_ref (result funcref)))
  (import "env" "nothing_i64" (func $nothing_i64 (result i64)))
  (table 1 funcref)
  (func $ref (export "ref") (param externref) (result i32) (local $f funcref)
    (drop (drop (call $echo_ref (local.get 0) (i64.const 7))))
    (local.set $f (call $nothing_ref))
    (table.set 0 (i32.const 0) (local.get $f))
    (ref.is_null (local.get $f)))
  (func $call_it (export "call_it") (call_indirect (type $void) (i32.const 0)))
  (func $i64 (export "i64") (result i64)
    (drop (drop (call $echo_i64 (i64.const 42) (ref.null extern))))
    (call $nothing_i64))
)
