#!/usr/bin/env python3
"""Opens a run's final particle snapshot without coag and checks it against summary.json.

Usage: python3 scripts/snapshot-check.py RUN_DIR

The run must have written its final snapshot ([observe.snapshots] final = true). Using only h5py,
numpy and hashlib, this script
  - reads the H5MD file named by summary.json's "final_snapshot",
  - recomputes final_state_sha256 as coag does: SHA-256 over the particles in increasing id order,
    each as big-endian int32 id, int32 mass, then d int64 fixed-point coordinates,
  - checks it equals summary.json's final_state_sha256 (and the file's own state_sha256),
  - checks the float positions are the fixed-point ones times L / 2^64, exactly, and lie in the box,
  - on the torus, reads the image counts (position + image * edges is the unwrapped position) and
    checks their shape and the step they belong to; in free space checks there are none.
It prints one line and exits 0 when everything matches, 1 otherwise.
"""
import hashlib
import json
import os
import sys

import h5py
import numpy as np


def state_sha256(ids, masses, fixed):
    """SHA-256 of the state as coag's StateHash writes it (rows already in increasing id order)."""
    dim = fixed.shape[1] if fixed.ndim == 2 else 0
    record = np.dtype([("id", ">i4"), ("mass", ">i4"), ("pos", ">i8", (dim,))])
    rows = np.empty(len(ids), dtype=record)
    rows["id"] = ids
    rows["mass"] = masses
    if len(ids):
        rows["pos"] = fixed
    return hashlib.sha256(rows.tobytes()).hexdigest()


def check(run_dir):
    with open(os.path.join(run_dir, "summary.json")) as f:
        summary = json.load(f)
    if "final_snapshot" not in summary:
        return "summary.json names no final snapshot: run with --set observe.snapshots.final=true"
    path = os.path.join(run_dir, summary["final_snapshot"])
    with h5py.File(path, "r") as h5:
        version = list(h5["h5md"].attrs["version"])
        if version != [1, 1]:
            return f"{path}: H5MD version {version}, expected [1, 1]"
        coag = h5["parameters/coag"]
        count = int(coag["count"][()])
        side = float(coag.attrs["side"])
        unit = float(coag.attrs["unit"])
        box = h5["particles/all/box"]
        dim = int(box.attrs["dimension"])
        periodic = [b.decode() if isinstance(b, bytes) else b for b in box.attrs["boundary"]]
        if count:
            ids = h5["particles/all/id"][:]
            masses = h5["particles/all/mass"][:]
            position = h5["particles/all/position/value"][0]
            fixed = coag["fixed_position"][:]
            image = h5["particles/all/image/value"][0] if "particles/all/image" in h5 else None
            image_step = int(h5["particles/all/image/step"][0]) if image is not None else None
            position_step = int(h5["particles/all/position/step"][0])
        else:
            image = image_step = position_step = None
            ids = masses = np.zeros(0, dtype=np.int32)
            position = np.zeros((0, dim))
            fixed = np.zeros((0, dim), dtype=np.int64)
        stored = coag.attrs["state_sha256"]
        stored = stored.decode() if isinstance(stored, bytes) else str(stored)

    torus = "periodic" in periodic
    if count and torus and (image is None or image.shape != (count, dim) or image_step != position_step):
        return f"{path}: a torus snapshot needs particles/all/image of shape ({count}, {dim}) at step {position_step}"
    if count and not torus and image is not None:
        return f"{path}: image counts in free space"
    if unit != side * 2.0 ** -64:
        return f"{path}: unit {unit!r} is not side / 2^64 = {side * 2.0 ** -64!r}"
    if len(ids) != count or fixed.shape != (count, dim) or position.shape != (count, dim):
        return f"{path}: shapes disagree: count {count}, id {ids.shape}, fixed {fixed.shape}, position {position.shape}"
    if count and not np.all(np.diff(ids) > 0):
        return f"{path}: ids are not strictly increasing"
    if count and masses.min() < 1:
        return f"{path}: a mass below 1"
    exact = fixed.astype(np.float64) * unit
    if not np.array_equal(exact, position):
        worst = np.max(np.abs(exact - position))
        return f"{path}: positions differ from fixed_position * L / 2^64 (by up to {worst:.3g})"
    if count and (position.min() < -side / 2 or position.max() >= side / 2):
        return f"{path}: a position outside the box [-L/2, L/2)"
    digest = state_sha256(ids, masses, fixed)
    if digest != summary["final_state_sha256"]:
        return f"{path}: recomputed state hash {digest} != summary.json final_state_sha256 {summary['final_state_sha256']}"
    if digest != stored:
        return f"{path}: recomputed state hash {digest} != the file's state_sha256 {stored}"
    return None, (f"{path}: {count} particles in d = {dim} ({', '.join(sorted(set(periodic)))}), h5py {h5py.__version__}: "
                  f"positions = fixed point * L / 2^64 exactly; state hash {digest} = final_state_sha256"
                  + (f"; image counts in [{image.min()}, {image.max()}]" if count and torus else ""))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    result = check(sys.argv[1])
    if isinstance(result, tuple):
        print(result[1])
        return 0
    print("snapshot-check: " + result, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
