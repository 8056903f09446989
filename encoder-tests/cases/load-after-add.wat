;; A load whose address an i32.add of a constant computed into a temporary (clang's pointer plus
;; constant, where it cannot prove the sum does not wrap) is one instruction that adds and loads:
;; i32.load_add_imm, i64.load_add_imm, i32.load8_u_add_imm. The sum wraps at 32 bits as the add
;; does, before the offset (which does not wrap) is added. A sum kept in a local (local.tee) and
;; other loads stay two instructions.
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10")
  (func $word (export "word") (param $p i32) (result i32)
    (i32.load (i32.add (local.get $p) (i32.const 4))))
  (func $word_offset (export "word_offset") (param $p i32) (result i32)
    (i32.load offset=2 (i32.add (local.get $p) (i32.const 8))))
  (func $long (export "long") (param $p i32) (result i64)
    (i64.load (i32.add (local.get $p) (i32.const 8))))
  (func $byte (export "byte") (param $p i32) (result i32)
    (i32.load8_u (i32.add (local.get $p) (i32.const -1))))
  (func $kept (export "kept") (param $p i32) (result i32)
    (local $q i32)
    (i32.add
      (i32.load16_u (local.tee $q (i32.add (local.get $p) (i32.const 2))))
      (i32.load8_u (i32.add (local.get $p) (i32.const 2))))))
;; assert word(i32:0) = i32:134678021
;; assert word(i32:-4) = i32:67305985
;; assert word(i32:65532) = trap OUT_OF_BOUNDS_MEMORY_ACCESS
;; assert word_offset(i32:-8) = i32:100992003
;; assert word_offset(i32:-10) = trap OUT_OF_BOUNDS_MEMORY_ACCESS
;; assert word_offset(i32:65526) = trap OUT_OF_BOUNDS_MEMORY_ACCESS
;; assert long(i32:-8) = i64:578437695752307201
;; assert long(i32:65529) = trap OUT_OF_BOUNDS_MEMORY_ACCESS
;; assert byte(i32:16) = i32:16
;; assert byte(i32:0) = trap OUT_OF_BOUNDS_MEMORY_ACCESS
;; assert kept(i32:1) = i32:1288
