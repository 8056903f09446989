;; 11 pages, over LimitsTest's engine limit of 10. Compile: wat2wasm --debug-names big_memory.wat -o big_memory.wasm
(module $big_memory (memory (export "memory") 11))
