;; Signatures with many parameters and results, for CallApiTest.
;; Compile: wat2wasm --debug-names wide_signatures.wat -o wide_signatures.wasm
(module $wide_signatures
  ;; the host reverses twelve values of four types
  (import "env" "reverse" (func $reverse
    (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64)
    (result f64 f32 i64 i32 f64 f32 i64 i32 f64 f32 i64 i32)))
  (func $twelve (export "twelve")
    (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64)
    (result f64 f32 i64 i32 f64 f32 i64 i32 f64 f32 i64 i32)
    (call $reverse (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5)
                   (local.get 6) (local.get 7) (local.get 8) (local.get 9) (local.get 10) (local.get 11)))
)
