;; Multi-value: loop parameters live in the loop's slots (the back edge writes them there);
;; returning locals in swapped order goes through temporaries, never clobbering a source.
(module
  (func (export "fib") (param $n i32) (result i64) (local $a i64) (local $b i64)
    (local.set $b (i64.const 1))
    (local.get $a) (local.get $b)
    (loop $next (param i64 i64) (result i64 i64)
      (if (param i64 i64) (result i64 i64) (i32.eqz (local.get $n))
        (then)
        (else
          (local.set $b) (local.set $a)
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (local.get $b) (i64.add (local.get $a) (local.get $b))
          (br $next))))
    (drop))
  (func (export "swap") (param $a i32) (param $b i32) (result i32 i32)
    (local.get $b) (local.get $a)))
;; assert fib(i32:10) = i64:55
;; assert fib(i32:90) = i64:2880067194370816120
;; assert swap(i32:1, i32:2) = i32:2, i32:1
