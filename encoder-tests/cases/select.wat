;; select chooses between two slots by a third; constants are first written to their slots.
(module
  (func (export "max") (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.gt_s (local.get $a) (local.get $b))))
  (func (export "clamp0") (param $a i32) (result i32)
    (select (local.get $a) (i32.const 0) (i32.gt_s (local.get $a) (i32.const 0)))))
;; assert max(i32:3, i32:9) = i32:9
;; assert max(i32:-3, i32:-9) = i32:-3
;; assert clamp0(i32:-5) = i32:0
;; assert clamp0(i32:5) = i32:5
