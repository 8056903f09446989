export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
cd "$(dirname "$0")"
D=${D:?folder holding the jars}
SKIP=-Dweft.bench.warmupSkip=image_filter-simd,string_search-simd,dot_matrix-simd
for n in 2; do
for mode in weft-handles; do
java $SKIP -cp $D/bench-main.jar dev.weft.bench.InterleavedAB $D/base.jar $D/sub.jar $mode 5 bytecode_vm,btree_kv,lz_huffman,json_tree,fft_conv,callback_sort,deep_recursion,image_filter,image_filter-simd,string_search,string_search-simd,dot_matrix,dot_matrix-simd,sha256,matmul,tokenizer,nbody,workload:coremark > basesub-$mode-$n-ab.txt 2>&1
java $SKIP -cp $D/bench-main.jar dev.weft.bench.InterleavedAB $D/sub.jar $D/base.jar $mode 5 bytecode_vm,btree_kv,lz_huffman,json_tree,fft_conv,callback_sort,deep_recursion,image_filter,image_filter-simd,string_search,string_search-simd,dot_matrix,dot_matrix-simd,sha256,matmul,tokenizer,nbody,workload:coremark > basesub-$mode-$n-ba.txt 2>&1
done
done
echo done > done
