;; A producer fused with its only consumer: (x >> k) & mask is one i32.shr_u_and_imm; a*b + c
;; is one i32.mul_add; br_if on an i32.add_imm (a count-down loop) or an i32.load (walking a
;; linked list) computes, stores and branches in one instruction.
(module
  (memory 1)
  ;; a list of three nodes at 16, 24, 32: [next, value], values 1, 2, 4
  (data (i32.const 16) "\18\00\00\00\01\00\00\00\20\00\00\00\02\00\00\00\00\00\00\00\04\00\00\00")
  (func (export "field") (param $x i32) (result i32)
    (i32.and (i32.shr_u (local.get $x) (i32.const 4)) (i32.const 0xff)))
  (func (export "dot2") (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i32)
    (i32.add (i32.mul (local.get $a) (local.get $b)) (i32.mul (local.get $c) (local.get $d))))
  (func (export "countdown") (param $n i32) (result i32) (local $sum i32)
    (loop $again
      (local.set $sum (i32.add (local.get $sum) (local.get $n)))
      (br_if $again (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $sum))
  (func (export "sum_list") (param $node i32) (result i32) (local $sum i32)
    (loop $next
      (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $node))))
      (br_if $next (local.tee $node (i32.load (local.get $node)))))
    (local.get $sum)))
;; assert field(i32:74565) = i32:52
;; assert dot2(i32:2, i32:3, i32:4, i32:5) = i32:26
;; assert countdown(i32:10) = i32:55
;; assert sum_list(i32:16) = i32:7
