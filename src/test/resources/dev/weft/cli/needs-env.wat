;; Imports a function from a module no one provides: instantiation fails to link.
;; Build: wat2wasm needs-env.wat -o needs-env.wasm
(module
  (import "env" "missing" (func))
  (func (export "_start")))
