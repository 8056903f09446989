;; One export per trap kind, for TrapTest. Compile: wat2wasm --debug-names traps.wat -o traps.wasm
(module $traps
  (type $to_i32 (func (result i32)))
  (type $i32_to_i32 (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $counter (export "counter") (mut i32) (i32.const 42))
  (table $table (export "table") 4 funcref)
  (elem (i32.const 0) $seven $inc)  ;; 0: () -> i32, 1: (i32) -> i32, 2 and 3: null
  (elem $passive func $seven $inc)
  (data (i32.const 0) "weft")
  (data $bytes "0123456789")

  (func $seven (type $to_i32) (i32.const 7))
  (func $inc (type $i32_to_i32) (i32.add (local.get 0) (i32.const 1)))

  ;; unreachable, three frames deep
  (func $innermost (unreachable))
  (func $middle (call $innermost))
  (func $outer (export "unreachable") (call $middle))

  (func $div_s (export "i32.div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $div_u (export "i32.div_u") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
  (func $rem_s (export "i32.rem_s") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
  (func $div_s_by_0 (export "i32.div_s_by_0") (param i32) (result i32) (i32.div_s (local.get 0) (i32.const 0)))
  (func $div_s_64 (export "i64.div_s") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
  (func $rem_u_64 (export "i64.rem_u") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
  (func $trunc_f32_s (export "i32.trunc_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func $trunc_f64_u (export "i64.trunc_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))

  (func $load (export "i32.load") (param i32) (result i32) (i32.load (local.get 0)))
  (func $load_far (export "i32.load_far") (param i32) (result i32) (i32.load offset=0xFFFFFFFF (local.get 0)))
  (func $load64 (export "i64.load") (param i32) (result i64) (i64.load (local.get 0)))
  (func $store (export "i32.store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func $store_far (export "i64.store_far") (param i32) (i64.store offset=0xFFFFFFF8 (local.get 0) (i64.const -1)))
  (func $fill (export "memory.fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func $copy (export "memory.copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func $init (export "memory.init") (param i32 i32 i32) (memory.init $bytes (local.get 0) (local.get 1) (local.get 2)))

  (func $table_get (export "table.get") (param i32) (result funcref) (table.get $table (local.get 0)))
  (func $table_set (export "table.set") (param i32) (table.set $table (local.get 0) (ref.null func)))
  (func $table_fill (export "table.fill") (param i32 i32) (table.fill $table (local.get 0) (ref.null func) (local.get 1)))
  (func $table_copy (export "table.copy") (param i32 i32 i32) (table.copy (local.get 0) (local.get 1) (local.get 2)))
  (func $table_init (export "table.init") (param i32 i32 i32) (table.init $table $passive (local.get 0) (local.get 1) (local.get 2)))

  (func $call_indirect (export "call_indirect") (param i32) (result i32)
    (call_indirect (type $to_i32) (local.get 0)))

  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))

  (func $store_then_trap (export "store_then_trap") (param i32 i32)
    (i32.store (local.get 0) (local.get 1))
    (global.set $counter (local.get 1))
    (unreachable))
)
