;; Guests for the bounds tests (BoundsTest): loops and calls to meter, stop and resume.
(module
  (import "env" "tick" (func $tick (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; The tightest loop there is: a branch to itself.
  (func (export "spin")
    (loop $l (br $l)))

  ;; A loop that touches memory on every iteration.
  (func (export "spinMemory")
    (loop $l
      (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
      (br $l)))

  (func $nothing)

  ;; A loop of calls.
  (func (export "spinCalls")
    (loop $l (call $nothing) (br $l)))

  ;; Unbounded recursion through a function that never loops.
  (func $deep (param i32) (result i32)
    (call $deep (i32.add (local.get 0) (i32.const 1))))
  (func (export "recurse") (result i32)
    (call $deep (i32.const 0)))

  ;; sum of i * i for i in [0, n): a counted loop.
  (func $sumSquares (export "sumSquares") (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i64.add (local.get $sum)
          (i64.mul (i64.extend_i32_u (local.get $i)) (i64.extend_i32_u (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $sum))

  ;; fib(n), recursively: a call chain with no loops.
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; Nested loops and calls: sum over i < n of fib(i % 16) + sumSquares(i % 100), mixing both.
  (func (export "mixed") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.add (i64.extend_i32_u (call $fib (i32.rem_u (local.get $i) (i32.const 16))))
                   (call $sumSquares (i32.rem_u (local.get $i) (i32.const 100))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $acc))

  ;; Calls the host n times, summing what it returns: for host functions that suspend the call.
  (func (export "ticks") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $tick (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $sum))

  ;; Grows memory one page at a time up to $pages pages (or until growth fails); returns the size.
  (func (export "growTo") (param $pages i32) (result i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (memory.size) (local.get $pages)))
        (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (i32.store (i32.mul (i32.sub (memory.size) (i32.const 1)) (i32.const 65536)) (memory.size))
        (br $l)))
    (memory.size))
;; memory.fill of n bytes: bulk instructions cost fuel for their length.
  (func (export "fill") (param $n i32)
    (memory.fill (i32.const 0) (i32.const 7) (local.get $n)))

  ;; Fills the whole memory over and over: one instruction can take longer than a deadline's grace.
  (func (export "fillForever")
    (loop $l
      (memory.fill (i32.const 0) (i32.const 1) (i32.mul (memory.size) (i32.const 65536)))
      (br $l)))
)
