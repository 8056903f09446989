;; The CLI's bundled default example: `java -jar target/weft.jar` runs `main`, which
;; computes the 25th Fibonacci number recursively (242785 calls) and sums the primes
;; below 10000 with a sieve in linear memory, returning both.
(module
  (memory 1)
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $prime_sum (param $limit i32) (result i64)
    (local $i i32) (local $j i32) (local $sum i64)
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $limit)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (local.get $i))))
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            (block $marked
              (loop $mark
                (br_if $marked (i32.ge_u (local.get $j) (local.get $limit)))
                (i32.store8 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $mark)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $sum))
  (func (export "main") (result i32 i64)
    (call $fib (i32.const 25))
    (call $prime_sum (i32.const 10000))))
