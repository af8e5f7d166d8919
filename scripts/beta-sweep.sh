#!/usr/bin/env bash
# Measures how beta from the default torus-annihilation run moves with dt/eps^2 and with the volume
# fraction phi (README, "Time-step and density errors"). Each run goes to about one half-life
# t = 1 / (beta f(0)), f(0) = eps N (unit torus, d = 3), with eps from phi.
# Usage: scripts/beta-sweep.sh OUTDIR "N:phi:kappa:seed ..."   (runs two at a time)
set -euo pipefail
out=${1:?usage: beta-sweep.sh OUTDIR "N:phi:kappa:seed ..."}
shift
mkdir -p "$out"
cd "$(dirname "$0")/.."
./coag backends >/dev/null   # build once, then run a private copy of the jar (sources may change meanwhile)
cp engine-cli/target/coag.jar "$out/coag.jar"
run_one() {
  IFS=: read -r n phi kappa seed <<<"$1"
  tend=$(python3 -c "import math; n=$n; phi=$phi; eps=(phi/(n*4*math.pi/3))**(1/3); print(1/(5.9918*eps*n))")
  dir="$out/N${n}-phi${phi}-k${kappa}-s${seed}"
  java -jar "$out/coag.jar" run -q --out "$dir" --force --seed "$seed" --set model.particles="$n" --set model.volume_fraction="$phi" \
    --set time.dt_over_eps2="$kappa" --set time.t_end="$tend" --set checkpoint.every_seconds=0 >/dev/null
  python3 - "$dir" <<'PY'
import json, sys
s = json.load(open(sys.argv[1] + "/summary.json"))
print(f"{s['particles']:>7} {s['volume_fraction']:8.0e} {s['dt_over_eps2']:7.3f} {s['seed']:>4} {s['events']:>6} "
      f"{s['beta_measured']:8.4f} {100*(s['beta_measured']/s['beta_theory']-1):+7.2f}% {s['wall_seconds']:7.1f}s")
PY
}
export -f run_one
export out
echo "      N      phi  dt/eps2 seed events  beta_meas  vs_theory    wall"
printf '%s\n' "$@" | xargs -P 2 -I{} bash -c 'run_one {}'
