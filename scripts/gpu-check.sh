#!/usr/bin/env bash
# The GPU node check, run from the portable bundle (scripts/bundle.sh: ./gpu-check.sh) or from a
# checkout (scripts/gpu-check.sh): prints the OpenCL device; runs the contraction canary (a device that
# fuses a*b+c into an fma is refused); checks bit identity of the opencl backend with the reference
# and cpu backends on every fixed-step conformance config; benchmarks cpu and opencl at N = 1e6 and 1e7.
#
# Settings (environment):
#   COAG_DEVICE     the OpenCL device, an index or a name substring (default: the first GPU with fp64)
#   GPU_CHECK_OUT   where the bench JSON goes (default: gpu-check-<host>-<time>.json here)
#   BENCH_SECONDS   measured seconds per case (default 10); BENCH_PARTICLES (default 1e6,1e7)
#   QUICK=1         only the canary and two configs, and a 2-second bench at N = 1e5 (a smoke test)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -x "$here/coag" ] && [ -d "$here/conformance" ]; then
  coag="$here/coag"
  configs="$here/conformance"
else
  coag="$here/../coag"
  configs="$here/../engine-core/src/test/resources/conformance"
fi
device=()
[ -n "${COAG_DEVICE:-}" ] && device=(--device "$COAG_DEVICE")
seconds="${BENCH_SECONDS:-10}"
particles="${BENCH_PARTICLES:-1e6,1e7}"
out="${GPU_CHECK_OUT:-gpu-check-$(hostname -s)-$(date -u +%Y%m%dT%H%M%SZ).json}"
failed=0

echo "== the OpenCL devices (the check uses ${COAG_DEVICE:-the default: the first GPU with fp64, else the first device with fp64})"
"$coag" devices

echo "== contraction canary: a*b+c with operands where an fma gives different bits"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$coag" verify "$configs/torus-doi-annihilation-3d.toml" --backends reference,opencl ${device[@]+"${device[@]}"} \
    --steps 1 -q > "$log" 2>&1; then
  cat "$log"
  if grep -q "fused multiply-add\|contraction canary" "$log"; then
    echo "gpu-check: the device fails the contraction canary; its results would not be bit-identical" >&2
  fi
  exit 1
fi
echo "canary passed: the device rounds a*b and then the sum, as Java does"

echo "== bit identity: reference, cpu and opencl on the fixed-step conformance configs"
list=("$configs"/*.toml)
[ "${QUICK:-0}" = 1 ] && list=("$configs/torus-doi-annihilation-3d.toml" "$configs/torus-bump-coag-4d-power.toml")
for cfg in "${list[@]}"; do
  name=$(basename "$cfg" .toml)
  case "$name" in adaptive-*|lattice-*|frag-*) continue ;; esac  # the opencl backend refuses these
  if "$coag" verify "$cfg" --backends reference,cpu,opencl ${device[@]+"${device[@]}"} -q > "$log" 2>&1; then
    printf '%-36s identical\n' "$name"
  else
    printf '%-36s DIFFERENT or failed\n' "$name"
    cat "$log"
    failed=1
  fi
done

if [ "${QUICK:-0}" = 1 ]; then
  particles=1e5
  seconds=2
fi
echo "== throughput: cpu and opencl at N = $particles (particle-steps/s)"
"$coag" bench --backends cpu,opencl --particles "$particles" --seconds "$seconds" --warmup 3 ${device[@]+"${device[@]}"} \
  --json "$out" --force
echo "bench results: $out"

if [ "$failed" -ne 0 ]; then
  echo "gpu-check: the opencl backend differed from the reference on this device" >&2
  exit 1
fi
echo "gpu-check: passed"
