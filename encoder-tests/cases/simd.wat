;; v128 values take two slots: a v128 parameter or local shifts the slots of those after it, and
;; the temporaries above it. v128.const is a provider like any constant (written only when needed:
;; one v128.const_splat if its halves are equal, else two scalar constants); a splat of a constant
;; is a constant; a constant shift count uses the _imm form; a result consumed by local.set is
;; written straight into the v128 local; i8x16.shuffle's lane indices are a constant operand.
(module
  (func $add (export "add") (param $a v128) (param $b v128) (result v128)
    (i32x4.add (local.get $a) (local.get $b)))
  (func (export "mix") (param $x i32) (param $v v128) (param $y i32) (result i32)
    (local $w v128)
    (local.set $w (i32x4.mul (local.get $v) (i32x4.splat (local.get $x))))
    (local.set $w (i32x4.add (local.get $w) (v128.const i32x4 1 1 1 1)))
    (local.set $w (i32x4.shl (local.get $w) (i32.const 2)))
    (i32.add (local.get $y)
      (i32x4.extract_lane 3 (i32x4.add (local.get $w) (v128.const i32x4 0 0 0 7)))))
  (func (export "call_and_select") (param $c i32) (result v128)
    (select (result v128)
      (call $add (v128.const i64x2 1 2) (i32x4.splat (i32.const 5)))
      (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
      (local.get $c)))
  (func (export "reverse") (param $v v128) (result v128)
    (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get $v) (local.get $v)))
  (func (export "block_result") (param $v v128) (param $n i32) (result i64)
    (i64x2.extract_lane 1
      (block (result v128)
        (br_if 0 (local.get $v) (local.get $n))
        (drop)
        (v128.const i64x2 -1 -1)))))
;; assert add(v128:0x00000004000000030000000200000001, v128:0x0000000a0000000a0000000a0000000a) = v128:0x0000000e0000000d0000000c0000000b
;; assert mix(i32:3, v128:0x00000004000000030000000200000001, i32:100) = i32:159
;; assert call_and_select(i32:1) = v128:0x00000005000000070000000500000006
;; assert call_and_select(i32:0) = v128:0x00000000000000000000000000000000
;; assert reverse(v128:0x0f0e0d0c0b0a09080706050403020100) = v128:0x000102030405060708090a0b0c0d0e0f
;; assert block_result(v128:0x00000000000000070000000000000003, i32:1) = i64:7
;; assert block_result(v128:0x00000000000000070000000000000003, i32:0) = i64:-1
