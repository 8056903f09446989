;; A loop over a memory too large to share a batch (32 MiB): closing its instance frees it at once.
(module
  (memory (export "memory") 512)
  (func (export "spinMemory")
    (local $i i32)
    (loop $l
      (i32.store (local.get $i) (i32.add (i32.load (local.get $i)) (i32.const 1)))
      (local.set $i (i32.and (i32.add (local.get $i) (i32.const 4096)) (i32.const 0x1fffffc)))
      (br $l))))
