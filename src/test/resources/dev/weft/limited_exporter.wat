;; A memory and a table declaring a maximum of 100, for LinkingTest. Compile: wat2wasm --debug-names limited_exporter.wat -o limited_exporter.wasm
(module $limited_exporter
  (memory (export "memory") 1 100)
  (table (export "table") 1 100 funcref))
