;; The trivial export for the call-overhead benchmark: Java calls add(a, b) once per operation.
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add))
