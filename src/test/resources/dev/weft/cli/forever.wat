;; A WASI-shaped command that never ends (for --fuel and --timeout), with a 2 MiB memory (for --max-memory),
;; and an export that recurses without end (for --max-call-depth).
(module
  (memory (export "memory") 32)
  (func (export "_start")
    (loop $l (br $l)))
  (func $down (export "down") (param i32) (result i32)
    (i32.add (call $down (i32.add (local.get 0) (i32.const 1))) (i32.const 1))))
