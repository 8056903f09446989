;; Constants never become instructions: they are immediates of the instruction that uses them.
;; A constant on the left of a commutative operator or a comparison swaps the operands; other
;; operators have an _imm_lhs form. i64 constants that do not fit 32 bits go through a slot.
(module
  (func (export "add_right") (param i32) (result i32) (i32.add (local.get 0) (i32.const 5)))
  (func (export "add_left") (param i32) (result i32) (i32.add (i32.const 5) (local.get 0)))
  (func (export "sub_left") (param i32) (result i32) (i32.sub (i32.const 5) (local.get 0)))
  (func (export "lt_left") (param i32) (result i32) (i32.lt_s (i32.const 5) (local.get 0)))
  (func (export "i64_small") (param i64) (result i64) (i64.mul (local.get 0) (i64.const -3)))
  (func (export "i64_large") (param i64) (result i64) (i64.add (local.get 0) (i64.const 0x100000000)))
  (func (export "f64_imm") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5))))
;; assert add_right(i32:1) = i32:6
;; assert add_left(i32:1) = i32:6
;; assert sub_left(i32:1) = i32:4
;; assert lt_left(i32:9) = i32:1
;; assert lt_left(i32:5) = i32:0
;; assert i64_small(i64:7) = i64:-21
;; assert i64_large(i64:1) = i64:4294967297
;; assert f64_imm(f64:3) = f64:1.5
