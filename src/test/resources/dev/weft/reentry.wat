;; WebAssembly -> host -> WebAssembly, trapping on the inner side, for HostFunctionTest.
;; Compile: wat2wasm --debug-names reentry.wat -o reentry.wasm
(module $reentry
  (import "env" "callback" (func $callback (param i32)))
  ;; outer -> caller -> callback (host) -> inner -> fail
  (func $outer (export "outer") (param i32) (call $caller (local.get 0)))
  (func $caller (param i32) (call $callback (local.get 0)))
  (func $inner (export "inner") (param i32) (call $fail (local.get 0)))
  (func $fail (param i32) (drop (i32.div_u (i32.const 1) (local.get 0))))
)
