"""Summarises the InterleavedAB outputs of a folder: for each pair XY, mode and call, Y's time over
X's per JVM (from <XY>-<mode>-<i>-ab.txt, where A = X and B = Y, and -ba.txt, the reverse order)
and their geometric mean. Usage: python3 summarise.py [folder]"""
import glob, math, re, sys, collections
d = sys.argv[1] if len(sys.argv) > 1 else 'clean'
res = collections.defaultdict(list)
for f in sorted(glob.glob(d + '/*-ab.txt') + glob.glob(d + '/*-ba.txt')):
    name = f.split('/')[-1]
    m = re.match(r'(\w+)-(weft-[\w-]+)-(\d+)-(ab|ba)\.txt', name)
    if not m: continue
    cmp_, mode, i, order = m.groups()
    for line in open(f):
        mm = re.match(r'\s+([\w:-]+)\s+A\s+([\d.]+)\s+B\s+([\d.]+)\s+B/A\s+([\d.]+)', line)
        if mm:
            prog, a, b, r = mm.group(1), float(mm.group(2)), float(mm.group(3)), float(mm.group(4))
            ratio = r if order == 'ab' else 1 / r
            x, y = (a, b) if order == 'ab' else (b, a)
            res[(cmp_, mode, prog)].append((order, i, ratio, x, y))
for k in sorted(res):
    v = res[k]
    g = math.exp(sum(math.log(r) for _, _, r, _, _ in v) / len(v))
    print('%-4s %-13s %-12s n=%d geo %.3f  [%s]' % (k[0], k[1], k[2], len(v), g, ' '.join('%s%s:%.2f(%.0f>%.0f)' % (o, i, r, x, y) for o, i, r, x, y in v)))
# per JVM, over every program it ran (where it ran more than two): Y over X
jvm = collections.defaultdict(list)
for (cmp_, mode, prog), v in res.items():
    for o, i, r, _, _ in v:
        jvm[(cmp_, mode, o, i)].append(r)
for k in sorted(jvm):
    if len(jvm[k]) > 2:
        print('%-4s %-13s %s%s over %d programs: %.3f' % (k[0], k[1], k[2], k[3], len(jvm[k]),
              math.exp(sum(math.log(r) for r in jvm[k]) / len(jvm[k]))))
