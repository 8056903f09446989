;; A guest without memory that calls fd_write and args_sizes_get: every pointer it passes is bad.
;; Build: wat2wasm nomemory.wat -o nomemory.wasm
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (func (export "fd_write") (param i32 i32 i32 i32) (result i32)
    (call $fd_write (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "sched_yield") (result i32) (call $sched_yield)))
