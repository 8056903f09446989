;; Guests that never stop on their own, for ResumeBenchmark and the Reaction tool.
;; Compile: wat2wasm spin.wat -o spin.wasm
(module
  (func $nothing)
  ;; the tightest loop: a branch to itself
  (func (export "spin")
    (loop $l (br $l)))
  ;; a loop of calls
  (func (export "spinCalls")
    (loop $l (call $nothing) (br $l))))
