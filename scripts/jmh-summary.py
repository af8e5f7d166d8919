"""Medians of a StepBenchmark or PartsBenchmark JMH JSON file: python3 scripts/jmh-summary.py FILE.json"""
import json, statistics, sys

d = json.load(open(sys.argv[1]))
rows = {}
print("| benchmark | backend | N | d | mode | rate (median of iterations) | min .. max | ops/s | alloc B/op |")
print("|---|---|---|---|---|---|---|---|---|")
for b in d:
    p = b['params']; sm = b['secondaryMetrics']
    counter = 'particleSteps' if 'particleSteps' in sm else 'particles'
    raw = [x for it in sm[counter]['rawData'] for x in it]
    med = statistics.median(raw)
    alloc = sm.get('\u00b7gc.alloc.rate.norm', sm.get('gc.alloc.rate.norm', {})).get('score', float('nan'))
    name = b['benchmark'].rsplit('.', 1)[1]
    rows[(name, p['backend'], int(p['particles']), p.get('dim', '3'), p.get('mode', ''))] = med
    print(f"| {name} | {p['backend']} | {int(p['particles']):.0e} | {p.get('dim', '3')} | {p.get('mode', '')} | {med:.3g} {counter}/s "
          f"| {min(raw):.3g} .. {max(raw):.3g} | {b['primaryMetric']['score']:.3g} | {alloc:.0f} |")
print()
for (name, backend, n, dim, mode), med in sorted(rows.items()):
    ref = rows.get((name, 'reference', n, dim, mode))
    cpu = rows.get((name, 'cpu', n, dim, mode))
    if backend == 'cpu' and ref:
        print(f"{name}, N = {n:.0e}, d = {dim} {mode}: cpu / reference = {med / ref:.1f}x")
    if backend == 'opencl' and cpu:
        print(f"{name}, N = {n:.0e}, d = {dim} {mode}: opencl / cpu = {med / cpu:.2f}")
