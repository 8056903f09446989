;; A comparison consumed by br_if or if becomes one compare-and-branch instruction. Integer
;; comparisons are negated for "branch when false" (if); float ones use br_not_ forms (NaN).
;; i32.eqz before br_if branches on the operand itself.
(module
  (func (export "count_up") (param $n i32) (result i32) (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i))
  (func (export "sign") (param $x i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
      (then (i32.const -1))
      (else (i32.const 1))))
  (func (export "is_zero") (param $x i32) (result i32)
    (block $z (br_if $z (i32.eqz (local.get $x))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "fless") (param $a f64) (param $b f64) (result i32)
    (if (result i32) (f64.lt (local.get $a) (local.get $b)) (then (i32.const 1)) (else (i32.const 0)))))
;; assert count_up(i32:7) = i32:7
;; assert sign(i32:-4) = i32:-1
;; assert sign(i32:4) = i32:1
;; assert is_zero(i32:0) = i32:1
;; assert is_zero(i32:3) = i32:0
;; assert fless(f64:1, f64:2) = i32:1
;; assert fless(f64:nan, f64:2) = i32:0
