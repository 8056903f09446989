;; A load or store from a constant i32 address (clang's C globals: i32.const 0 and the address as
;; the offset) reads its address from the zero slot after the locals (s1 here) with the effective
;; address as offset: no const_32. Past 4 GiB the constant stays (the access always traps).
(module
  (memory 1)
  (func (export "counter") (result i32)
    (i32.store offset=1024 (i32.const 0) (i32.add (i32.load offset=1024 (i32.const 0)) (i32.const 1)))
    (i32.load (i32.const 1024)))
  (func (export "wide") (param $v i64) (result i64)
    (i64.store offset=8 (i32.const 2040) (local.get $v))
    (i32.store8 (i32.const 2050) (i32.const 7))
    (i64.add (i64.load (i32.const 2048)) (i64.load8_u offset=2 (i32.const 2048))))
  (func (export "far") (result i32)
    (i32.load offset=0xffffffff (i32.const 1))))
;; assert counter() = i32:1
;; assert wide(i64:5) = i64:458764
