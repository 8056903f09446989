;; Arguments computed by instructions already sit in the callee's frame window (no copies);
;; arguments that are locals or constants are copied there. Results come back in place.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (table funcref (elem $add))
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func (export "computed_args") (param $x i32) (result i32)
    (call $add (i32.mul (local.get $x) (i32.const 2)) (i32.add (local.get $x) (i32.const 1))))
  (func (export "local_args") (param $x i32) (param $y i32) (result i32)
    (call $add (local.get $x) (local.get $y)))
  (func (export "indirect") (param $x i32) (result i32)
    (call_indirect (type $binop) (local.get $x) (i32.const 3) (i32.const 0))))
;; assert computed_args(i32:5) = i32:16
;; assert local_args(i32:5, i32:6) = i32:11
;; assert indirect(i32:4) = i32:7
