#!/usr/bin/env python3
"""Share of events the adaptive screen misses, measured on the same paths (issue 25).

Runs examples/adaptive-regime-z1.toml (d = 3 torus annihilation, Z = 1) at each N and seed twice:
with a per-pair tolerance so small that it misses nothing measurable (1e-9: the reference), and with
the tolerance under test. Same seed, so the same endpoints and bridge nodes: an event of the
reference missing from the other run is a miss. Prints the share missed and the wall times.

    scripts/tolerance-misses.py --particles 10000 --seeds 1,2,3,4 --t-end 0.17 --test time.tolerance_load=0.05
"""
import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORD = struct.Struct(">qiiiii")


def events(path):
    """The (step, lower id, higher id) of every event in events.bin (28-byte big-endian records)."""
    with open(path, "rb") as f:
        data = f.read()
    return {RECORD.unpack_from(data, k)[:3] for k in range(0, len(data), RECORD.size)}


def config(tmp):
    """The regime config without its time.tolerance line (each run sets its own tolerance or load)."""
    with open(os.path.join(ROOT, "examples/adaptive-regime-z1.toml")) as f:
        lines = [l for l in f if not l.startswith("tolerance")]
    path = os.path.join(tmp, "regime.toml")
    with open(path, "w") as f:
        f.writelines(lines)
    return path


def run(cfg, out, n, seed, t_end, setting):
    """One run of the regime config to t_end; returns its events, wall time and tolerance."""
    args = [os.path.join(ROOT, "coag"), "run", cfg, "--out", out, "-q",
            "--seed", str(seed), "--set", f"model.particles={n}", "--set", f"time.t_end={t_end}",
            "--set", "time.stop_at_survivor_fraction=0", "--set", "run.event_log=true", "--set", "checkpoint.every_seconds=0",
            "--set", "observe.points=10", "--set", setting]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "summary.json")) as f:
        s = json.load(f)
    with open(os.path.join(out, "meta.json")) as f:
        m = json.load(f)
    return events(os.path.join(out, "events.bin")), s["wall_seconds"], m["diagnostics"].get("tolerance")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--particles", type=int, required=True)
    p.add_argument("--seeds", default="1")
    p.add_argument("--t-end", type=float, required=True)
    p.add_argument("--test", action="append", help="a setting under test (repeatable; default time.tolerance_load=0.05)")
    p.add_argument("--reference", default="time.tolerance=1e-9")
    a = p.parse_args()
    tests = a.test or ["time.tolerance_load=0.05"]
    total = 0
    missed = {t: 0 for t in tests}
    extra = {t: 0 for t in tests}
    wall = {t: 0.0 for t in tests + [a.reference]}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = config(tmp)
        for seed in [int(s) for s in a.seeds.split(",")]:
            ref, w_ref, _ = run(cfg, os.path.join(tmp, f"ref{seed}"), a.particles, seed, a.t_end, a.reference)
            total += len(ref)
            wall[a.reference] += w_ref
            for k, setting in enumerate(tests):
                test, w_test, tol = run(cfg, os.path.join(tmp, f"test{seed}-{k}"), a.particles, seed, a.t_end, setting)
                missed[setting] += len(ref - test)
                extra[setting] += len(test - ref)
                wall[setting] += w_test
                print(f"N = {a.particles} seed {seed}: {len(ref)} events at {a.reference} ({w_ref:.1f} s); {setting} (tolerance "
                      f"{tol:.3g}): {len(ref - test)} missed, {len(test - ref)} not in the reference ({w_test:.1f} s)", flush=True)
    for setting in tests:
        share = missed[setting] / total if total else float("nan")
        print(f"N = {a.particles}, {setting}: {missed[setting]} of {total} events missed ({100 * share:.3f} %, binomial "
              f"standard error {100 * (share * (1 - share) / max(total, 1)) ** 0.5:.3f} %), {extra[setting]} extra; wall "
              f"{wall[setting]:.1f} s against {wall[a.reference]:.1f} s at {a.reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
