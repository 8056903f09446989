;; Deep recursion, large frames, host re-entry and memory growth, for LimitsTest.
;; Compile: wat2wasm --debug-names limits.wat -o limits.wasm
(module $limits
  (import "env" "reenter" (func $reenter (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; count(n) = n, n + 1 frames deep
  (func $count (export "count") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $count (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))

  ;; down(n) = n, through the host: WebAssembly -> host -> WebAssembly ... n times
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $reenter (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))

  (func $grow (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func $size (export "size") (result i32) (memory.size))

  ;; wide(n) = n * (n + 1): a frame of 300 i64 locals per level; every level checks that the
  ;; levels above did not overwrite its locals
  (func $wide (export "wide") (param $n i32) (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    (local.set 1 (i64.extend_i32_u (local.get $n)))
    (local.set 150 (i64.extend_i32_u (local.get $n)))
    (local.set 300 (i64.extend_i32_u (local.get $n)))
    ;; wide(n - 1) + l1 + (l300 - (l150 - l1)) = wide(n - 1) + 2n
    (i32.add
      (call $wide (i32.sub (local.get $n) (i32.const 1)))
      (i32.wrap_i64 (i64.add (local.get 1) (i64.sub (local.get 300) (i64.sub (local.get 150) (local.get 1)))))))
)
