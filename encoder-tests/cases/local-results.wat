;; A result consumed by local.set or local.tee is written straight into the local by the
;; instruction that computes it: `local = local op const` is one instruction.
(module
  (func (export "inc") (param $x i32) (result i32)
    (local.set $x (i32.add (local.get $x) (i32.const 1)))
    (local.get $x))
  (func (export "tee") (param $x i32) (result i32) (local $y i32)
    (i32.mul (local.tee $y (i32.shl (local.get $x) (i32.const 2))) (local.get $y)))
  (func (export "load_into") (param $p i32) (result i32) (local $v i32)
    (local.set $v (i32.load offset=4 (local.get $p)))
    (local.get $v))
  (memory 1)
  (data (i32.const 4) "\2a\00\00\00"))
;; assert inc(i32:41) = i32:42
;; assert tee(i32:3) = i32:144
;; assert load_into(i32:0) = i32:42
