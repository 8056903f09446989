;; One import of each kind with limits, for LinkingTest's link errors.
;; Compile: wat2wasm --debug-names imports.wat -o imports.wasm
(module $imports
  (import "env" "f" (func $f (param i32) (result i32)))
  (import "env" "table" (table 2 10 funcref))
  (import "env" "memory" (memory 1 4))
  (import "env" "counter" (global $counter (mut i32)))
  (import "env" "seed" (global $seed i64))
  (func (export "run") (result i64)
    (global.set $counter (call $f (global.get $counter)))
    (i64.add (global.get $seed) (i64.extend_i32_u (i32.add (table.size 0) (memory.size)))))
)
