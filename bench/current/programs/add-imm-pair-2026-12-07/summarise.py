#!/usr/bin/env python3
"""Summarises single-program InterleavedAB runs: files TAG-MODE-PROGRAM-{ab,ba}.txt, where in -ab
side B is the new jar and in -ba side A is. Prints the new jar's time over the old one's per
program, mode and order, their geometric mean per program, and over all programs per mode."""
import glob, math, os, re, sys
folder = sys.argv[1]
rows = {}
for f in sorted(glob.glob(os.path.join(folder, '*-ab.txt')) + glob.glob(os.path.join(folder, '*-ba.txt'))):
    base = os.path.basename(f)[:-4]
    m = re.match(r'[^-]+-(weft-\w+)-(.+)-(ab|ba)$', base)
    if not m:
        continue
    mode, prog, order = m.groups()
    for line in open(f):
        r = re.search(r'B/A ([\d.]+)', line)
        if r and not line.startswith('  geometric'):
            x = float(r.group(1))
            rows.setdefault((mode, prog), {})[order] = x if order == 'ab' else 1 / x
def gm(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))
for mode in sorted({k[0] for k in rows}):
    print(f"{mode}: new jar's time over the old one's (ab = new as side B, ba = new as side A)")
    allp = []
    for (md, prog), v in sorted(rows.items()):
        if md != mode:
            continue
        both = [v[o] for o in ('ab', 'ba') if o in v]
        allp.append(gm(both))
        print(f"  {prog:20s} ab {v.get('ab', float('nan')):.3f}  ba {v.get('ba', float('nan')):.3f}  both {gm(both):.3f}")
    print(f"  geometric mean over {len(allp)} programs: {gm(allp):.3f}")
