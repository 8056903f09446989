;; Block and if results live in the slots of the block's stack position: every arm and every
;; branch writes them there (a copy only when the value is elsewhere); a block nobody branches
;; to keeps its fall-through values where they are.
(module
  (func (export "pick") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (if (result i32) (local.get $c) (then (local.get $a)) (else (local.get $b))))
  (func (export "early") (param $x i32) (result i32)
    (block $out (result i32)
      (drop (br_if $out (i32.const 100) (i32.gt_u (local.get $x) (i32.const 10))))
      (i32.mul (local.get $x) (i32.const 2))))
  (func (export "plain") (param $x i32) (result i32)
    (block (result i32) (i32.add (local.get $x) (i32.const 1)))
    (i32.const 2)
    (i32.mul))
  (func (export "pair") (param $x i32) (result i32 i32)
    (block (result i32 i32) (local.get $x) (i32.add (local.get $x) (i32.const 1)))))
;; assert pick(i32:1, i32:5, i32:6) = i32:5
;; assert pick(i32:0, i32:5, i32:6) = i32:6
;; assert early(i32:3) = i32:6
;; assert early(i32:30) = i32:100
;; assert plain(i32:4) = i32:10
;; assert pair(i32:4) = i32:4, i32:5
