;; A module that InternalErrorTest corrupts after validation, to inject failures that only a bug
;; in Weft could cause: in the translator, in instantiation, in a call.
;; Compile: wat2wasm --debug-names internal_error.wat -o internal_error.wasm
(module $internal_error
  (global $g i32 (i32.const 1234567))
  (func $seven (export "seven") (result i32)
    (drop (i32.const 0x1234))
    (i32.const 7)))
