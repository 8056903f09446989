;; A module with a 1 MiB memory (16 pages), for the memory budget tests (ResourceBudgetTest).
(module
  (memory (export "memory") 16)
  (func (export "touch") (param $at i32) (result i32)
    (i32.store (local.get $at) (i32.const 7))
    (i32.load (local.get $at))))
