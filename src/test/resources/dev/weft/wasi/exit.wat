;; A WASI command whose _start writes "bye\n" to stdout, then calls proc_exit with the i32 stored
;; at address 0 (the test puts it there) from 5 calls deep, so the exit unwinds nested frames.
;; Build: wat2wasm exit.wat -o exit.wasm
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 32) "bye\n")
  (func $deep (param $n i32)
    (if (i32.eqz (local.get $n))
      (then (call $proc_exit (i32.load (i32.const 0))))
      (else (call $deep (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 32))
    (i32.store (i32.const 20) (i32.const 4))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    (call $deep (i32.const 5))
    unreachable))
