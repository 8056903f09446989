;; x - c is translated as x + -c (i32.add_imm; i64.add_imm when -c fits in 32 bits): no sub_imm
;; instruction exists. The sum wraps as the difference does, for the constants whose negation is
;; themselves (i32 -2^31) or does not fit (i64 -2^31, through a slot), and a count-down loop's
;; decrement fuses with its branch (i32.add_imm_br_nez).
(module
  (func $dec (export "dec") (param $x i32) (result i32)
    (i32.sub (local.get $x) (i32.const 1)))
  (func $min32 (export "min32") (param $x i32) (result i32)
    (i32.sub (local.get $x) (i32.const -2147483648)))
  (func $dec64 (export "dec64") (param $x i64) (result i64)
    (i64.sub (local.get $x) (i64.const 2147483647)))
  (func $neg_min64 (export "neg_min64") (param $x i64) (result i64)
    (i64.sub (local.get $x) (i64.const -2147483648)))
  (func $big64 (export "big64") (param $x i64) (result i64)
    (i64.sub (local.get $x) (i64.const 0x100000000)))
  (func $count_down (export "count_down") (param $n i32) (result i32)
    (local $steps i32)
    (loop $l
      (local.set $steps (i32.add (local.get $steps) (i32.const 3)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $steps)))
;; assert dec(i32:0) = i32:-1
;; assert dec(i32:-2147483648) = i32:2147483647
;; assert min32(i32:0) = i32:-2147483648
;; assert min32(i32:1) = i32:-2147483647
;; assert min32(i32:-2147483648) = i32:0
;; assert dec64(i64:0) = i64:-2147483647
;; assert dec64(i64:-9223372036854775808) = i64:9223372034707292161
;; assert neg_min64(i64:0) = i64:2147483648
;; assert neg_min64(i64:9223372036854775807) = i64:-9223372034707292161
;; assert big64(i64:0) = i64:-4294967296
;; assert count_down(i32:5) = i32:15
;; assert count_down(i32:1) = i32:3
