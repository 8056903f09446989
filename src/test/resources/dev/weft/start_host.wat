;; A start function that calls a host function, for InternalErrorTest: whatever the host
;; function throws leaves instantiation unchanged.
;; Compile: wat2wasm --debug-names start_host.wat -o start_host.wasm
(module $start_host
  (import "env" "boom" (func $boom))
  (func $init (call $boom))
  (start $init))
