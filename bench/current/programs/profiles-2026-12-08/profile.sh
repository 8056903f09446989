#!/bin/bash
# Executed-instruction profiles of the corpus and CoreMark, interpreter only, at the measured sizes
# of bench/corpus/expected.json: one file per program in $O. Usage, from anywhere:
#   J=path/to/weft.jar O=out-folder SHARED=path/to/shared bash profile.sh
cd "$(dirname "$0")/../../../.."
J=${J:-target/weft.jar}; O=${O:-profiles}; SHARED=${SHARED:-../shared}
mkdir -p "$O"
python3 -c "
import json;d=json.load(open('bench/corpus/expected.json'))
for x in d:
  if x['role']=='measured':
    f=('bench/corpus/' if x['source']=='corpus' else '$SHARED/bench-wasm/')+x['file']
    print(x['program'],f,' '.join(x['args']))" | while read p f a; do
  java -Dweft.profile=true -jar "$J" run --tier interpreter $f $a > /dev/null 2> "$O/$p.txt" < /dev/null
done
java -Dweft.profile=true -jar "$J" run --tier interpreter --invoke run "$SHARED/bench-wasm/coremark-fixed/cmfix-1210.wasm" > /dev/null 2> "$O/coremark.txt"
