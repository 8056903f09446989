;; Loads and stores of every width, a C string length, and host functions that receive guest
;; pointers, for MemoryAccessorsTest.
;; Compile: wat2wasm --debug-names memory_access.wat -o memory_access.wasm
(module $memory_access
  ;; env.upper(ptr, len) -> len: the host writes the upper-cased string right after the input
  (import "env" "upper" (func $upper (param i32 i32) (result i32)))
  ;; env.peek(ptr) -> i32: the host reads an i32 at a pointer of the guest's choosing
  (import "env" "peek" (func $peek (param i32) (result i32)))
  (memory (export "memory") 1 4)
  (data (i32.const 16) "h\c3\a9llo\00")
  (func (export "load8_s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "load8_u") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load16_s") (param i32) (result i32) (i32.load16_s (local.get 0)))
  (func (export "load16_u") (param i32) (result i32) (i32.load16_u (local.get 0)))
  (func (export "load32") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load32_u") (param i32) (result i64) (i64.load32_u (local.get 0)))
  (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "loadf32") (param i32) (result f32) (f32.load (local.get 0)))
  (func (export "loadf64") (param i32) (result f64) (f64.load (local.get 0)))
  (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "store16") (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))
  (func (export "store32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "store64") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "storef32") (param i32 f32) (f32.store (local.get 0) (local.get 1)))
  (func (export "storef64") (param i32 f64) (f64.store (local.get 0) (local.get 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  ;; strlen of the C string at the pointer
  (func (export "strlen") (param $p i32) (result i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func $call_upper (export "call_upper") (param i32 i32) (result i32) (call $upper (local.get 0) (local.get 1)))
  (func $call_peek (export "call_peek") (param i32) (result i32) (call $peek (local.get 0)))
)
