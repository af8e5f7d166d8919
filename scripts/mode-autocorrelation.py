#!/usr/bin/env python3
"""Pools the density-mode records of several runs (different seeds of one config) into one time
autocorrelation with a jackknife error, against the prediction the runs wrote.

Usage: python3 scripts/mode-autocorrelation.py RUN_DIR [RUN_DIR ...] [--blocks B] [--every-lag STEPS]

Each run must have [observe.density_modes] (docs/fragmentation.md). From each run's
density_modes.csv it takes the observations on the run's cadence (observe.every_steps) at
t >= observe.density_modes.from_time (config.toml), cuts every run to the shortest, and computes

    C(l) = [sum Re(z(i) conj z(i+l)) / #pairs] / [sum |z(i)|^2 / #samples]

over all runs and axes, as coag does at the end of one run. The error is the jackknife over B
contiguous blocks of the origin i in each run (B x runs groups, each left out in turn). The
prediction is the 'predicted' column of the first run's density_mode_autocorrelation.csv (the
runs share the model). Prints a CSV table: lag_steps, tau, measured, error, predicted, z. With one
run and B = 10 the measured values and errors are those of the run's own file.
"""
import argparse
import csv
import os
import sys
import tomllib

import numpy as np


def load(run):
    with open(os.path.join(run, "config.toml"), "rb") as f:
        config = tomllib.load(f)
    observe = config.get("observe", {})
    every = int(observe["every_steps"]) if "every_steps" in observe else None
    from_time = float(observe.get("density_modes", {}).get("from_time", 0.0))
    data = np.genfromtxt(os.path.join(run, "density_modes.csv"), delimiter=",", names=True)
    steps = data["step"].astype(np.int64)
    if every is None:
        every = int(np.min(np.diff(steps)))
    keep = (steps % every == 0) & (data["time"] >= from_time)
    axes = [n[3:] for n in data.dtype.names if n.startswith("re_")]
    z = np.array([data["re_" + a][keep] + 1j * data["im_" + a][keep] for a in axes])
    return z, every, float(data["time"][1] / steps[1]) if steps[1] else None


def predicted(run):
    path = os.path.join(run, "density_mode_autocorrelation.csv")
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for row in csv.DictReader(line for line in f if not line.startswith("#")):
                if row["predicted"]:
                    out[int(row["lag_steps"])] = float(row["predicted"])
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("runs", nargs="+")
    p.add_argument("--blocks", type=int, default=10, help="jackknife blocks per run (default 10)")
    p.add_argument("--every-lag", type=int, default=0, help="print only lags that are multiples of this many steps")
    p.add_argument("--max-lag", type=int, default=200, help="the largest lag, in observations (default 200)")
    args = p.parse_args()
    loaded = [load(r) for r in args.runs]
    every = loaded[0][1]
    dt = loaded[0][2]
    if any(e != every for _, e, _ in loaded):
        sys.exit("mode-autocorrelation: the runs observe at different cadences")
    n = min(z.shape[1] for z, _, _ in loaded)
    blocks = args.blocks
    max_lag = min(args.max_lag, n // (2 * blocks) - 1)
    if max_lag < 1:
        sys.exit(f"mode-autocorrelation: {n} observations per run are too few for {blocks} blocks")
    groups = blocks * len(loaded)
    num = np.zeros((groups, max_lag + 1))
    pairs = np.zeros((groups, max_lag + 1))
    power = np.zeros(groups)
    samples = np.zeros(groups)
    for r, (z, _, _) in enumerate(loaded):
        z = z[:, :n]
        origin = np.arange(n) * blocks // n + r * blocks
        power += np.bincount(origin, weights=(np.abs(z) ** 2).sum(axis=0), minlength=groups)
        samples += np.bincount(origin, minlength=groups) * z.shape[0]
        for lag in range(max_lag + 1):
            prod = (z[:, : n - lag] * np.conj(z[:, lag:])).real.sum(axis=0)
            num[:, lag] += np.bincount(origin[: n - lag], weights=prod, minlength=groups)
            pairs[:, lag] += np.bincount(origin[: n - lag], minlength=groups) * z.shape[0]
    c = (num.sum(0) / pairs.sum(0)) / (power.sum() / samples.sum())
    leave = ((num.sum(0) - num) / (pairs.sum(0) - pairs)) / ((power.sum() - power) / (samples.sum() - samples))[:, None]
    err = np.sqrt((groups - 1) / groups * ((leave - leave.mean(0)) ** 2).sum(0))
    theory = predicted(args.runs[0])
    print(f"# {len(loaded)} runs, {n} observations each, every {every} steps, {groups} jackknife groups")
    print("lag_steps,tau,measured,error,predicted,z")
    for lag in range(max_lag + 1):
        steps = lag * every
        if args.every_lag and steps % args.every_lag:
            continue
        pred = theory.get(steps)
        z = "" if pred is None or err[lag] < 1e-12 else f"{(c[lag] - pred) / err[lag]:+.2f}"
        print(f"{steps},{steps * dt:.6g},{c[lag]:.4f},{err[lag]:.4f},{'' if pred is None else f'{pred:.4f}'},{z}")


if __name__ == "__main__":
    main()
