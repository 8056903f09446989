;; Copies fused with what follows: two copies in a row are one copy2 (loops rotating locals),
;; and a copy right before a br_if (or an if's branch) is one copy_br_if (copy_br_if_not).
(module
  (memory 1)
  ;; a list of three nodes at 16, 24, 32, each just its next pointer
  (data (i32.const 16) "\18\00\00\00\00\00\00\00\20\00\00\00\00\00\00\00\00\00\00\00")
  (func (export "reverse") (param $list i32) (result i32) (local $next i32) (local $result i32)
    (local.set $next (local.get $list))
    (loop $again
      (local.set $next (i32.load (local.tee $list (local.get $next))))
      (i32.store (local.get $list) (local.get $result))
      (local.set $result (local.get $list))
      (br_if $again (local.get $next)))
    (local.get $result))
  (func (export "fib") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $t i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again)))
    (local.get $a))
  (func (export "pick") (param $c i32) (param $x i32) (result i32) (local $y i32)
    (local.set $y (local.get $x))
    (if (local.get $c) (then (local.set $y (i32.const 7))))
    (local.get $y)))
;; assert reverse(i32:16) = i32:32
;; assert fib(i32:10) = i32:55
;; assert pick(i32:0, i32:5) = i32:5
;; assert pick(i32:1, i32:5) = i32:7
