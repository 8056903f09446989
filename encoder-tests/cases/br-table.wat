;; br_table jumps through a list of offsets; targets whose values must move first get a stub
;; after the table (the moves, then the branch).
(module
  (func (export "classify") (param $x i32) (result i32)
    (block $c (block $b (block $a
      (br_table $a $b $c (local.get $x)))
      (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func (export "with_value") (param $x i32) (result i32)
    (block $outer (result i32)
      (i32.add
        (block $inner (result i32)
          (br_table $inner $outer (i32.const 7) (local.get $x)))
        (i32.const 1)))))
;; assert classify(i32:0) = i32:10
;; assert classify(i32:1) = i32:20
;; assert classify(i32:2) = i32:30
;; assert classify(i32:99) = i32:30
;; assert with_value(i32:0) = i32:8
;; assert with_value(i32:1) = i32:7
