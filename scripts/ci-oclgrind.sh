#!/usr/bin/env bash
# The opencl backend under Oclgrind, an OpenCL device simulator that reports data races,
# out-of-bounds accesses and API misuse: every fixed-step continuum conformance config, shrunk to a few hundred
# particles and tens of steps, is run by `coag verify --backends reference,opencl` on Oclgrind with its
# race and API checks on and small work groups. Fails on any Oclgrind report or any hash difference.
#
#   scripts/ci-oclgrind.sh                 the check (CI)
#   scripts/ci-oclgrind.sh --planted-race  builds the hash count (count_one, in hash_count and
#                                          move_seam_count) with a plain increment in place of its
#                                          atomic_inc and passes only if Oclgrind reports the race
#
# Needs the oclgrind package (Debian: apt-get install oclgrind). Settings (environment):
#   OCLGRIND_ICD          path of liboclgrind-rt-icd.so (default: found under /usr/lib)
#   OCLGRIND_PARTICLES    particles per config (default 300)
#   OCLGRIND_STEPS        steps per config (default 20)
#   OCLGRIND_MAX_WGSIZE   the simulated device's largest work group (default 16)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
case "${1:-}" in
  "") ;;
  --planted-race) mode=race ;;
  *) echo "usage: scripts/ci-oclgrind.sh [--planted-race]" >&2; exit 2 ;;
esac
particles="${OCLGRIND_PARTICLES:-300}"
steps="${OCLGRIND_STEPS:-20}"

icd="${OCLGRIND_ICD:-}"
if [ -z "$icd" ]; then
  icd=$(find /usr/lib /usr/local/lib -name liboclgrind-rt-icd.so 2>/dev/null | head -1 || true)
fi
if [ -z "$icd" ] || [ ! -f "$icd" ]; then
  echo "ci-oclgrind: liboclgrind-rt-icd.so not found; install Oclgrind (apt-get install oclgrind) or set OCLGRIND_ICD" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# JOCL opens libOpenCL itself, so LD_PRELOAD of Oclgrind's runtime is bypassed: go through the ICD
# loader with a vendors directory that names only Oclgrind.
mkdir "$work/vendors"
echo "$icd" > "$work/vendors/oclgrind.icd"
export OCL_ICD_VENDORS="$work/vendors"
# Oclgrind 21.10 cannot execute the llvm.copysign that clang's optimiser makes of the exp code.
export COAG_OPENCL_OPTIONS="-cl-opt-disable"
export OCLGRIND_CHECK_API=1 OCLGRIND_DATA_RACES=1 OCLGRIND_MAX_WGSIZE="${OCLGRIND_MAX_WGSIZE:-16}"
# Uninitialized-value checks stay off: they report false positives after clEnqueueFillBuffer and
# partial writes.
unset OCLGRIND_UNINITIALIZED

./coag devices

# One Oclgrind report has one "Kernel:" (a kernel's error) or "Function:" (an API error) line.
reports() {
  grep -cE '^[[:space:]]+(Kernel|Function): ' "$1" || true
}

if [ "$mode" = race ]; then
  mkdir "$work/sources"
  sed 's/^    atomic_inc(&counts\[s\]);$/    counts[s]++;/' engine-gpu/src/main/resources/org/coag/gpu/pairs.cl > "$work/sources/pairs.cl"
  if cmp -s engine-gpu/src/main/resources/org/coag/gpu/pairs.cl "$work/sources/pairs.cl"; then
    echo "ci-oclgrind: could not plant the race (count_one's atomic_inc(&counts[s]) not found in pairs.cl)" >&2
    exit 1
  fi
  echo "== planted race: the hash count (count_one) counts with counts[s]++ instead of atomic_inc(&counts[s])"
  diff engine-gpu/src/main/resources/org/coag/gpu/pairs.cl "$work/sources/pairs.cl" || true
  COAG_OPENCL_FUSE_MOVE=true COAG_OPENCL_SOURCES="$work/sources" ./coag verify engine-core/src/test/resources/conformance/torus-doi-annihilation-3d.toml \
    --backends reference,opencl --set model.particles="$particles" --steps 3 -q > "$work/race.out" 2> "$work/race.err" || true
  cat "$work/race.out"
  n=$(reports "$work/race.err")
  echo "Oclgrind reports: $n; the first:"
  grep -m1 -A11 "data race" "$work/race.err"
  if [ "$n" -gt 0 ] && grep -qE "Kernel: (hash_count|move_seam_count)" "$work/race.err"; then
    echo "planted race reported by Oclgrind: the check can fail"
    exit 0
  fi
  echo "ci-oclgrind: Oclgrind did not report the planted race" >&2
  exit 1
fi

start=$(date +%s)
failed=0
total=0
printf '%-34s %5s %8s %8s %-8s %s\n' config N reports seconds paths result
# The step's move, seam check and hash count run fused on a GPU and as three kernels on a CPU device
# (OpenClSimulation.fuseMove), and the fired pairs are applied in parallel rounds on a GPU and on one
# work item on a CPU device (DeviceResolve.roundsMax), and the scan works on coalesced tiles on a GPU
# and on runs of slots on a CPU device (DevicePaths.scanRuns), and found and fired pairs are appended
# in batches of 8 on a GPU (DevicePaths.appendBatch): the configs alternate between the GPU paths
# (with a cap of 2 rounds, so the serial finish of long chains runs too) and the CPU paths, so both
# are race-checked.
fuse=true
for cfg in engine-core/src/test/resources/conformance/*.toml; do
  name=$(basename "$cfg" .toml)
  # the opencl backend runs the continuum fixed step only: it refuses the adaptive scheme, the
  # lattice model and fragmentation before the run (tested by OpenClConformanceTest's refusals)
  case "$name" in adaptive-*|lattice-*|frag-*) continue ;; esac
  if [ "$fuse" = true ]; then fuse=false; else fuse=true; fi
  # Shrinking N must keep eps: d = 2 configs that give Z (N / |log eps| = Z) get Z scaled with N; the
  # few-cells config has every pair in range by design, so it shrinks further.
  n="$particles"
  extra=()
  case "$name" in
    free-gaussian-2d) extra=(--set "model.Z=$(awk -v n="$n" 'BEGIN { print 400 * n / 3000 }')") ;;
    torus-doi-coag-2d-logscaling) extra=(--set "model.Z=$(awk -v n="$n" 'BEGIN { print 1000 * n / 3001 }')") ;;
    torus-few-cells-coag-3d) n=$(( particles / 3 )) ;;
  esac
  t0=$(date +%s)
  rc=0
  COAG_OPENCL_FUSE_MOVE=$fuse COAG_OPENCL_RESOLVE_ROUNDS=$([ "$fuse" = true ] && echo 2 || echo 0) COAG_OPENCL_SCAN_RUNS=$([ "$fuse" = true ] && echo false || echo true) \
    COAG_OPENCL_APPEND_BATCH=$([ "$fuse" = true ] && echo 8 || echo 1) ./coag verify "$cfg" --backends reference,opencl --set model.particles="$n" ${extra[@]+"${extra[@]}"} --steps "$steps" -q \
    > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  reports_here=$(reports "$work/$name.err")
  total=$((total + reports_here))
  result=identical
  [ "$rc" -eq 0 ] || result="coag verify exit $rc"
  printf '%-34s %5d %8d %8d %-8s %s\n' "$name" "$n" "$reports_here" $(( $(date +%s) - t0 )) "$([ "$fuse" = true ] && echo gpu || echo cpu)" "$result"
  if [ "$rc" -ne 0 ] || [ "$reports_here" -gt 0 ] || grep -qi oclgrind "$work/$name.err"; then
    failed=1
    cat "$work/$name.out"
    head -60 "$work/$name.err"
  fi
done
echo "Oclgrind: $total reports, $(( $(date +%s) - start )) s (N = $particles, $steps steps per config, work groups <= $OCLGRIND_MAX_WGSIZE)"
if [ "$failed" -ne 0 ]; then
  echo "ci-oclgrind: Oclgrind reported errors or the opencl backend differed from the reference" >&2
  exit 1
fi
