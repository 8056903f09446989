;; Found by the differential fuzzer (seed 501996, 2026-12-06; reduced with wasm-reduce): a value
;; computed and dropped left the translator believing it was still on top of the operand stack,
;; so a branch on the local pushed in its place was fused with the dropped comparison instead:
;; `br_if` on the comparison's operand, the wrong value and the wrong sense.

(module
  ;; eqz dropped, then `if` on a local at the same height
  (func (export "eqz-then-if") (param $c i32) (param $x i32) (result i32)
    (drop (i32.eqz (local.get $x)))
    (if (result i32) (local.get $c) (then (i32.const 1)) (else (i32.const 0))))

  ;; a comparison dropped, then `br_if` on a local
  (func (export "lt-then-br_if") (param $c i32) (param $x i32) (result i32)
    (block $out (result i32)
      (i32.const 7)
      (drop (i32.lt_s (local.get $x) (i32.const 10)))
      (local.get $c)
      (br_if $out)
      (drop)
      (i32.const 9)))

  ;; a comparison of two operands dropped, then `if` without else on a local
  (func (export "ne-then-if") (param $c i32) (param $x i32) (param $y i32) (result i32)
    (local $r i32)
    (drop (i32.ne (local.get $x) (local.get $y)))
    (if (local.get $c) (then (local.set $r (i32.const 3))))
    (local.get $r))

  ;; an instruction with a branching form (add_imm) dropped, then `br_if` on a local
  (func (export "add-then-br_if") (param $c i32) (param $x i32) (result i32)
    (block $out (result i32)
      (i32.const 5)
      (drop (i32.add (local.get $x) (i32.const 1)))
      (local.get $c)
      (br_if $out)
      (drop)
      (i32.const 6)))

  ;; i64 comparison dropped, then `if` on an i32 local
  (func (export "i64-eqz-then-if") (param $c i32) (param $x i64) (result i32)
    (drop (i64.eqz (local.get $x)))
    (if (result i32) (local.get $c) (then (i32.const 1)) (else (i32.const 0)))))

(assert_return (invoke "eqz-then-if" (i32.const 5) (i32.const 1)) (i32.const 1))
(assert_return (invoke "eqz-then-if" (i32.const 5) (i32.const 0)) (i32.const 1))
(assert_return (invoke "eqz-then-if" (i32.const 0) (i32.const 1)) (i32.const 0))
(assert_return (invoke "eqz-then-if" (i32.const 0) (i32.const 0)) (i32.const 0))
(assert_return (invoke "lt-then-br_if" (i32.const 1) (i32.const 20)) (i32.const 7))
(assert_return (invoke "lt-then-br_if" (i32.const 1) (i32.const 0)) (i32.const 7))
(assert_return (invoke "lt-then-br_if" (i32.const 0) (i32.const 20)) (i32.const 9))
(assert_return (invoke "lt-then-br_if" (i32.const 0) (i32.const 0)) (i32.const 9))
(assert_return (invoke "ne-then-if" (i32.const -49) (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke "ne-then-if" (i32.const -49) (i32.const 2) (i32.const 2)) (i32.const 3))
(assert_return (invoke "ne-then-if" (i32.const 0) (i32.const 1) (i32.const 2)) (i32.const 0))
(assert_return (invoke "add-then-br_if" (i32.const 1) (i32.const -1)) (i32.const 5))
(assert_return (invoke "add-then-br_if" (i32.const 0) (i32.const -1)) (i32.const 6))
(assert_return (invoke "add-then-br_if" (i32.const 0) (i32.const 3)) (i32.const 6))
(assert_return (invoke "i64-eqz-then-if" (i32.const 2) (i64.const 0)) (i32.const 1))
(assert_return (invoke "i64-eqz-then-if" (i32.const 2) (i64.const 4)) (i32.const 1))
(assert_return (invoke "i64-eqz-then-if" (i32.const 0) (i64.const 0)) (i32.const 0))
