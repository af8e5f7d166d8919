import json,sys,statistics
d=json.load(open(sys.argv[1]))
rows={}
print("| backend | N | particle-steps/s (median of iterations) | min .. max | steps/s | alloc B/step |")
print("|---|---|---|---|---|---|")
for b in d:
    p=b['params']; sm=b['secondaryMetrics']
    ps=sm['particleSteps']; raw=[x for it in ps['rawData'] for x in it]
    med=statistics.median(raw)
    alloc=sm.get('gc.alloc.rate.norm',{}).get('score',float('nan'))
    rows[(p['backend'],int(p['particles']))]=med
    print(f"| {p['backend']} | {int(p['particles']):.0e} | {med:.3g} | {min(raw):.3g} .. {max(raw):.3g} | {b['primaryMetric']['score']:.3g} | {alloc:.0f} |")
print()
for n in sorted(set(k[1] for k in rows)):
    if ('cpu',n) in rows and ('reference',n) in rows:
        print(f"N = {n:.0e}: cpu / reference = {rows[('cpu',n)]/rows[('reference',n)]:.1f}x")
