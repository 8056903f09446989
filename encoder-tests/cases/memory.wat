;; Loads and stores carry their static offset; storing a constant uses a _imm store.
(module
  (memory 1)
  (func (export "roundtrip") (param $p i32) (result i64)
    (i64.store offset=16 (local.get $p) (i64.const 0x1122334455))
    (i32.store8 offset=3 (local.get $p) (i32.const 0xff))
    (i64.add (i64.load offset=16 (local.get $p)) (i64.load8_u offset=3 (local.get $p)))))
;; assert roundtrip(i32:8) = i64:73588229460
