;; When a local is overwritten while its old value is still pending on the operand stack, the
;; old value is first copied into that stack entry's own slot.
(module
  (func (export "swap_sub") (param $a i32) (param $b i32) (result i32)
    (local.get $a)
    (local.set $a (local.get $b))
    (local.get $a)
    (i32.sub))
  (func (export "old_then_new") (param $x i32) (result i32)
    (local.get $x)
    (local.set $x (i32.mul (local.get $x) (i32.const 10)))
    (i32.add (local.get $x))))
;; assert swap_sub(i32:10, i32:3) = i32:7
;; assert old_then_new(i32:2) = i32:22
