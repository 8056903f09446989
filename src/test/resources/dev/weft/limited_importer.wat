;; Requires a maximum of at most 50, for LinkingTest. Compile: wat2wasm --debug-names limited_importer.wat -o limited_importer.wasm
(module $limited_importer
  (import "lib" "memory" (memory 1 50))
  (import "lib" "table" (table 1 50 funcref)))
