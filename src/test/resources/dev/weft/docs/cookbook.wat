;; The guest of docs/cookbook.md: strings and bytes both ways, host functions, a pure function.
(module
  (import "env" "log" (func $log (param i32 i32)))
  (import "env" "now" (func $now (result i64)))
  (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 16) "hello from the guest")
  (data (i32.const 48) "a C string\00")

  ;; alloc(len) -> ptr: a bump allocator (a C or Rust guest exports malloc or its own)
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (local.get $p) (local.get $len)))
    (local.get $p))

  ;; count_vowels(ptr, len) -> how many of the bytes are a, e, i, o or u
  (func (export "count_vowels") (param $p i32) (param $len i32) (result i32)
    (local $end i32) (local $n i32) (local $c i32)
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 97)) (i32.eq (local.get $c) (i32.const 101)))
                    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 105)) (i32.eq (local.get $c) (i32.const 111)))
                            (i32.eq (local.get $c) (i32.const 117))))
          (then (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; greeting() -> (ptr, len) of a string in the guest's memory
  (func (export "greeting") (result i32 i32) (i32.const 16) (i32.const 20))

  ;; c_string() -> ptr of a NUL-terminated string
  (func (export "c_string") (result i32) (i32.const 48))

  ;; checksum(ptr, len) -> the sum of the bytes
  (func (export "checksum") (param $p i32) (param $len i32) (result i64)
    (local $end i32) (local $sum i64)
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $sum (i64.add (local.get $sum) (i64.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; say_hello(): passes the greeting to env.log
  (func (export "say_hello") (call $log (i32.const 16) (i32.const 20)))

  ;; elapsed() -> env.now() - env.now(), calling the host twice
  (func (export "elapsed") (result i64)
    (local $start i64)
    (local.set $start (call $now))
    (i64.sub (call $now) (local.get $start)))

  ;; divide(a, b) -> quotient * 1000 + remainder, from env.divmod's two results
  (func (export "divide") (param $a i32) (param $b i32) (result i32)
    (local $q i32) (local $r i32)
    (call $divmod (local.get $a) (local.get $b))
    (local.set $r)
    (local.set $q)
    (i32.add (i32.mul (local.get $q) (i32.const 1000)) (local.get $r)))

  ;; fib(n): iterative, i64
  (func (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))
)
