;; 101 elements, over LimitsTest's engine limit of 100. Compile: wat2wasm --debug-names big_table.wat -o big_table.wasm
(module $big_table (table (export "table") 101 externref))
