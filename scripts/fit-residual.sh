#!/usr/bin/env bash
# Mean over seeds of beta_measured / beta_expected_in_fit - 1 (the residual a run's beta shows over
# its finite-N, transient-inclusive prediction), with its standard error. Runs one seed at a time.
# Usage: scripts/fit-residual.sh CONFIG SEEDS OUTDIR [--set key=value ...]
# docs/theory.md's d = 2 residuals: the d = 2 validation config (ValidationTest) written to a file,
#   scripts/fit-residual.sh d2.toml 96 /tmp/d2 --set model.particles=1200
set -euo pipefail
config=${1:?usage: fit-residual.sh CONFIG SEEDS OUTDIR [--set key=value ...]}
seeds=${2:?seeds}
out=${3:?outdir}
shift 3
mkdir -p "$out"
cd "$(dirname "$0")/.."
./coag backends >/dev/null
cp engine-cli/target/coag.jar "$out/coag.jar"
for s in $(seq 1 "$seeds"); do
  java -jar "$out/coag.jar" run -q --force --out "$out/seed-$s" --seed "$s" --set checkpoint.every_seconds=0 "$@" "$config" >/dev/null
done
python3 - "$out" "$seeds" <<'PY'
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
runs = [json.load(open(f"{out}/seed-{s}/summary.json")) for s in range(1, n + 1)]
r = [d["beta_measured"] / d["beta_expected_in_fit"] - 1 for d in runs]
se = statistics.stdev(r) / len(r) ** 0.5 if len(r) > 1 else float("nan")
print(f"N = {runs[0]['particles']}, eps = {runs[0]['eps']:.4g}: beta_measured / beta_expected_in_fit - 1 = "
      f"{100 * statistics.mean(r):+.2f} % +- {100 * se:.2f} % over {len(r)} seeds (expected {runs[0]['beta_expected_in_fit']:.4f})")
PY
