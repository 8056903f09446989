;; Code after br, return or unreachable is skipped by the translator (it is still validated).
(module
  (func (export "skip") (param $x i32) (result i32)
    (block $b (result i32)
      (br $b (local.get $x))
      (i32.add (i32.const 1) (i32.const 2))
      (drop)
      (i32.const 3))))
;; assert skip(i32:9) = i32:9
