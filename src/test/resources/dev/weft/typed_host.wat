;; Imports host functions bound to Java methods and lambdas with Java types, for TypedHostFunctionTest.
;; Compile: wat2wasm --debug-names typed_host.wat -o typed_host.wasm
(module $typed_host
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "mix" (func $mix (param i32 i64 f32 f64) (result f64)))
  (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (import "env" "greet" (func $greet (param i32 i32) (result i32)))
  (import "env" "checksum" (func $checksum (param i32 i32) (result i64)))
  (import "env" "ext" (func $ext (param externref) (result externref)))
  (import "env" "fn" (func $fn (param funcref) (result funcref)))
  (import "env" "now" (func $now (result i64)))
  (import "env" "tick" (func $tick))
  (import "env" "fail" (func $fail (param i32)))
  (memory (export "memory") 1)
  (table $table 2 funcref)
  (elem (i32.const 0) $seven)
  (type $to_i32 (func (result i32)))
  (func $seven (type $to_i32) (i32.const 7))

  (func (export "add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "mix") (param i32 i64 f32 f64) (result f64)
    (call $mix (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  ;; quotient * 1000 + remainder, so that both results and their order show
  (func (export "divmod") (param i32 i32) (result i32)
    (local $q i32) (local $r i32)
    (call $divmod (local.get 0) (local.get 1))
    (local.set $r)
    (local.set $q)
    (i32.add (i32.mul (local.get $q) (i32.const 1000)) (local.get $r)))
  (func (export "greet") (param i32 i32) (result i32) (call $greet (local.get 0) (local.get 1)))
  (func (export "checksum") (param i32 i32) (result i64) (call $checksum (local.get 0) (local.get 1)))
  (func (export "ext") (param externref) (result externref) (call $ext (local.get 0)))
  ;; passes table element 0 through the host into element 1, then calls element 1
  (func (export "fn") (result i32)
    (table.set $table (i32.const 1) (call $fn (table.get $table (i32.const 0))))
    (call_indirect $table (type $to_i32) (i32.const 1)))
  (func (export "now") (result i64) (call $now))
  (func (export "tick") (call $tick))
  (func $call_fail (export "fail") (param i32) (call $fail (local.get 0)))
  ;; calls env.add n times: the sum of i + 1 for i < n
  (func (export "repeat") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $add (local.get $i) (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))
)
