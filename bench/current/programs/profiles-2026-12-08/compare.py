"""Executed internal instructions per program, folder A against folder B (the WebAssembly instructions
must agree: the same runs), and the geometric mean of B over A. Usage: python3 compare.py A B"""
import re,sys,glob,os,math
a,b=sys.argv[1],sys.argv[2]
def tot(f):
    m=re.search(r'executed ([\d,]+) WebAssembly instructions, ([\d,]+) internal',open(f).read())
    return int(m.group(1).replace(',','')),int(m.group(2).replace(',',''))
rs=[]
for f in sorted(glob.glob(a+'/*.txt')):
    n=os.path.basename(f)[:-4]
    wa,ia=tot(f); wb,ib=tot(b+'/'+n+'.txt')
    assert wa==wb,(n,wa,wb)
    r=ib/ia; rs.append(r)
    print(f"{n:20s} {ia:>13,} {ib:>13,} {100*(r-1):+6.2f}%")
print("geomean", f"{100*(math.exp(sum(map(math.log,rs))/len(rs))-1):+.2f}%")
