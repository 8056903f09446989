import json, glob, statistics, sys, os
folder = sys.argv[1]
v = {}
for f in sorted(glob.glob(os.path.join(folder, 'age-*-*.json'))):
    for r in json.load(open(f)):
        p = r['params']; sm = r['secondaryMetrics']
        ms = sm['threadCpuMs']['score'] / sm['calls']['score']
        v.setdefault((p['program'], p['engine']), {}).setdefault(p['history'], []).append(ms)
print('| program | mode | alone | after others | ratio of medians |')
print('|---|---|---|---|---:|')
for (prog, eng), h in sorted(v.items()):
    a = h.get('alone', []); o = h.get('after-others', [])
    ratio = statistics.median(o) / statistics.median(a) if a and o else float('nan')
    print(f"| {prog} | {eng.replace('weft-','')} | {', '.join(f'{x:.0f}' for x in a)} | {', '.join(f'{x:.0f}' for x in o)} | {ratio:.2f}x |")
