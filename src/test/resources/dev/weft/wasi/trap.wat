;; A WASI command that writes "before the trap\n" to stdout, then traps (integer divide by zero)
;; two named functions deep, for the trap message and its WebAssembly call stack.
;; Build: wat2wasm --debug-names trap.wat -o trap.wasm
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 32) "before the trap\n")
  (func $divide (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
  (func $compute (result i32)
    (call $divide (i32.const 1) (i32.const 0)))
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 32))
    (i32.store (i32.const 20) (i32.const 16))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    (drop (call $compute))))
