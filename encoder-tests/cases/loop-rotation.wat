;; Loop rotation for every kind of instruction that can open a loop as its conditional exit: the
;; back edge repeats the head with the opposite condition, jumping into the body. Heads that
;; also compute (i32.add_imm_br_nez, i32.load_br_nez, copy_br_if) compute the same way when
;; repeated. Float heads are repeated as br_not_ forms, so NaN still continues the loop.
(module
  (memory 1)
  (data (i32.const 16) "\00\00\00\00\00\00\00\00\01\00\00\00")
  ;; br_if on a local
  (func (export "flag") (param $n i32) (result i32) (local $i i32) (local $done i32)
    (block $exit
      (loop $l
        (br_if $exit (local.get $done))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $done (i32.ge_s (local.get $i) (local.get $n)))
        (br $l)))
    (local.get $i))
  ;; i32.eqz: br_if_not
  (func (export "sum_down") (param $n i32) (result i32) (local $sum i32)
    (block $exit
      (loop $l
        (br_if $exit (i32.eqz (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $sum))
  ;; i64.eqz: br_if_not_i64
  (func (export "count64") (param $n i64) (result i32) (local $c i32)
    (block $exit
      (loop $l
        (br_if $exit (i64.eqz (local.get $n)))
        (local.set $n (i64.shr_u (local.get $n) (i64.const 1)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $l)))
    (local.get $c))
  ;; i32 comparison with a constant: br_i32.gt_u_imm
  (func (export "to_ten") (param $i i32) (result i32)
    (block $exit
      (loop $l
        (br_if $exit (i32.gt_u (local.get $i) (i32.const 9)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $i))
  ;; i64 comparisons, two slots and a constant: br_i64.ge_s, br_i64.gt_s_imm
  (func (export "up64") (param $i i64) (param $n i64) (result i64)
    (block $exit
      (loop $l
        (br_if $exit (i64.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i64.add (local.get $i) (i64.const 3)))
        (br $l)))
    (local.get $i))
  (func (export "up64_imm") (param $i i64) (result i64)
    (block $exit
      (loop $l
        (br_if $exit (i64.gt_s (local.get $i) (i64.const 7)))
        (local.set $i (i64.add (local.get $i) (i64.const 2)))
        (br $l)))
    (local.get $i))
  ;; float comparisons: repeated as br_not_f64.ge / br_not_f32.lt (a NaN limit never exits at
  ;; the head; the second exit stops the loop after 10 turns)
  (func (export "steps64") (param $limit f64) (result i32) (local $x f64) (local $n i32)
    (block $exit
      (loop $l
        (br_if $exit (f64.ge (local.get $x) (local.get $limit)))
        (local.set $x (f64.add (local.get $x) (f64.const 1.5)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $exit (i32.ge_u (local.get $n) (i32.const 10)))
        (br $l)))
    (local.get $n))
  (func (export "steps32") (param $limit f32) (result i32) (local $x f32) (local $n i32)
    (block $exit
      (loop $l
        (br_if $exit (f32.lt (local.get $limit) (local.get $x)))
        (local.set $x (f32.add (local.get $x) (f32.const 1.5)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $exit (i32.ge_u (local.get $n) (i32.const 10)))
        (br $l)))
    (local.get $n))
  ;; i32.add_imm_br_nez: the sum is stored in $t each time the head runs
  (func (export "add_head") (param $x i32) (result i32) (local $t i32) (local $n i32)
    (block $exit
      (loop $l
        (br_if $exit (local.tee $t (i32.add (local.get $x) (i32.const 1))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (local.set $n (i32.add (local.get $n) (i32.const 100)))
        (br $l)))
    (i32.add (local.get $n) (local.get $t)))
  ;; i32.load_br_nez: scan for the first non-zero word
  (func (export "scan") (param $p i32) (result i32)
    (block $exit
      (loop $l
        (br_if $exit (i32.load (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $l)))
    (local.get $p))
  ;; copy_br_if: the copy into $a runs each time the head runs
  (func (export "copy_head") (param $b i32) (result i32) (local $a i32) (local $c i32)
    (block $exit
      (loop $l
        (local.set $a (local.get $b))
        (br_if $exit (local.get $c))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (local.set $c (i32.ge_s (local.get $b) (i32.const 5)))
        (br $l)))
    (local.get $a)))
;; assert flag(i32:5) = i32:5
;; assert flag(i32:0) = i32:1
;; assert sum_down(i32:4) = i32:10
;; assert sum_down(i32:0) = i32:0
;; assert count64(i64:-1) = i32:64
;; assert count64(i64:0) = i32:0
;; assert to_ten(i32:3) = i32:10
;; assert to_ten(i32:-1) = i32:-1
;; assert up64(i64:-5, i64:5) = i64:7
;; assert up64(i64:9, i64:5) = i64:9
;; assert up64_imm(i64:-4) = i64:8
;; assert steps64(f64:4) = i32:3
;; assert steps64(f64:nan) = i32:10
;; assert steps64(f64:-1) = i32:0
;; assert steps32(f32:4) = i32:3
;; assert steps32(f32:nan) = i32:10
;; assert add_head(i32:-1) = i32:101
;; assert add_head(i32:5) = i32:6
;; assert scan(i32:16) = i32:24
;; assert scan(i32:24) = i32:24
;; assert copy_head(i32:0) = i32:5
;; assert copy_head(i32:7) = i32:8
