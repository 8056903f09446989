"""Mean share of each instruction and each executed pair over the profiles of a folder, and the
cumulative share of the k most executed pairs (an upper bound on the dispatches that fusing those
k pairs could remove). Usage: python3 pairs.py FOLDER"""
import re, glob, sys, collections
ops, pairs, n = collections.Counter(), collections.Counter(), 0
for f in sorted(glob.glob(sys.argv[1] + '/*.txt')):
    n += 1
    in_pairs = False
    for line in open(f):
        if line.startswith('most executed pairs'):
            in_pairs = True
            continue
        m = re.match(r'\s*(\d+)\s+([\d.]+)%\s+(.*)$', line)
        if m:
            (pairs if in_pairs else ops)[m.group(3)] += float(m.group(2))
print('mean share of the 40 most executed instructions over %d profiles' % n)
for k, v in ops.most_common(40):
    print('%6.2f %%  %s' % (v / n, k))
print('mean share of the 40 most executed pairs')
for k, v in pairs.most_common(40):
    print('%6.2f %%  %s' % (v / n, k))
v = sorted(pairs.values(), reverse=True)
for k in (1, 5, 10, 20, 40):
    print('the %2d most executed pairs: %5.2f %% of the dispatches' % (k, sum(v[:k]) / n))
