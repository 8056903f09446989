import re,sys,glob,os
a,b=sys.argv[1],sys.argv[2]
def get(p):
    for l in open(p):
        m=re.match(r'weft profile: executed ([\d,]+) WebAssembly instructions, ([\d,]+) internal',l)
        if m: return int(m.group(1).replace(',','')),int(m.group(2).replace(',',''))
rows=[]
for f in sorted(glob.glob(b+'/*.txt')):
    n=os.path.basename(f)[:-4]
    wa,ia=get(os.path.join(a,n+'.txt')); wb,ib=get(f)
    print(f"{n:20s} wasm {'same' if wa==wb else 'DIFF'} {ia:>14,} -> {ib:>14,}  {100*(ib-ia)/ia:+6.2f} %")
    rows.append(ib/ia)
import math
print('geomean ratio', round(math.exp(sum(map(math.log,rows))/len(rows)),4))
