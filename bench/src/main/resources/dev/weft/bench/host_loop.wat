;; Host-call round trip: loop(n) calls the imported Java function env.add n times,
;; threading an accumulator through it, and returns the accumulator:
;;   acc = 0; for i in 0..n-1: acc = env.add(acc, i)   →   n(n-1)/2 (wrapping i32)
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (func (export "loop") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (call $add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
