;; Calls into host functions of every value type, for HostFunctionTest.
;; Compile: wat2wasm --debug-names host.wat -o host.wasm
(module $host
  (type $to_i32 (func (result i32)))
  (import "env" "i32" (func $h_i32 (param i32) (result i32)))
  (import "env" "i64" (func $h_i64 (param i64) (result i64)))
  (import "env" "f32" (func $h_f32 (param f32) (result f32)))
  (import "env" "f64" (func $h_f64 (param f64) (result f64)))
  (import "env" "externref" (func $h_externref (param externref) (result externref)))
  (import "env" "funcref" (func $h_funcref (param funcref) (result funcref)))
  (import "env" "multi" (func $h_multi (param i32 i64 f32 f64) (result f64 f32 i64 i32)))
  (import "env" "greet" (func $h_greet (param i32 i32) (result i32)))
  (import "env" "fail" (func $h_fail (param i32)))
  (import "env" "misuse" (func $h_misuse (param i32) (result i32)))
  (import "env" "reenter" (func $h_reenter (param i32) (result i32)))
  (memory (export "memory") 1)
  (table $table 2 funcref)
  (elem (i32.const 0) $ninety_nine)

  (func $ninety_nine (type $to_i32) (i32.const 99))

  ;; each adds a step of its own, so the result shows both sides ran
  (func $i32 (export "i32") (param i32) (result i32) (i32.add (call $h_i32 (local.get 0)) (i32.const 1)))
  (func $i64 (export "i64") (param i64) (result i64) (i64.sub (call $h_i64 (local.get 0)) (i64.const 1)))
  (func $f32 (export "f32") (param f32) (result f32) (call $h_f32 (local.get 0)))
  (func $f64 (export "f64") (param f64) (result f64) (call $h_f64 (local.get 0)))
  (func $externref (export "externref") (param externref) (result externref) (call $h_externref (local.get 0)))
  ;; passes table element 0 through the host into element 1, then calls element 1
  (func $funcref (export "funcref") (result i32)
    (table.set $table (i32.const 1) (call $h_funcref (table.get $table (i32.const 0))))
    (call_indirect $table (type $to_i32) (i32.const 1)))
  (func $multi (export "multi") (param i32 i64 f32 f64) (result f64 f32 i64 i32)
    (call $h_multi (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  ;; the host reads len bytes at ptr from this instance's memory and writes a reply after them
  (func $greet (export "greet") (param $ptr i32) (param $len i32) (result i32)
    (call $h_greet (local.get $ptr) (local.get $len)))
  (func $fail (export "fail") (param i32) (call $h_fail (local.get 0)))
  (func $misuse (export "misuse") (param i32) (result i32) (call $h_misuse (local.get 0)))
  (func $reenter (export "reenter") (param i32) (result i32) (call $h_reenter (local.get 0)))

  ;; deep(n) = n, n + 1 frames deep: grows the value stack
  (func $deep (export "deep") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $deep (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))

  ;; host functions re-exported, to be called from Java directly
  (export "host_i32" (func $h_i32))
  (export "host_greet" (func $h_greet))
)
