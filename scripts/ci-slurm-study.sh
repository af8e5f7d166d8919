#!/usr/bin/env bash
# CI: a study through a real single-node SLURM (issue 25). Starts the daemons, runs
# scripts/ci-study.toml locally for reference hashes, submits the same study as a job array, kills
# one task's JVM with SIGKILL mid-run and requeues it, cancels the whole submission while tasks run
# and resubmits (only the unfinished tasks go), then checks that every task's event_log_sha256 and
# final_state_sha256 equal the local study's, that finished tasks were not recomputed, and that the
# report exists. Bad input: a study of another model, a task index out of range, a missing or
# failing sbatch, each one line, non-zero, the directory as it was. Stops the daemons at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
work=$(mktemp -d /tmp/coag-slurm-ci.XXXXXX)
scripts/slurm-local.sh install >/dev/null
trap 'scripts/slurm-local.sh stop "$work/slurm"' EXIT
scripts/slurm-local.sh start "$work/slurm"
export SLURM_CONF="$work/slurm/slurm.conf"
echo "== slurm up in $(( $(date +%s) - start )) s: $(sinfo -h -N -o '%N %c CPUs %t')"

cfg=scripts/ci-study.toml
./coag study "$cfg" -o "$work/local" -q --threads 1 > /dev/null 2>&1
hashes() { # DIR -> one line per task: name event_log_sha256 final_state_sha256
  for s in "$1"/tasks/*/summary.json; do
    printf '%s %s %s\n' "$(basename "$(dirname "$s")")" \
      "$(grep -o '"event_log_sha256" : "[0-9a-f]*"' "$s" | cut -d'"' -f4)" \
      "$(grep -o '"final_state_sha256" : "[0-9a-f]*"' "$s" | cut -d'"' -f4)"
  done
}
hashes "$work/local" > "$work/local.hashes"
echo "== local study: $(wc -l < "$work/local.hashes") tasks in $(( $(date +%s) - start )) s"

dir="$work/study"
./coag study submit "$cfg" -o "$dir" --cpus 1 --time 00:10:00
array=$(awk '{print $3}' "$dir/slurm/submissions.log" | tail -1)

lock_pid() { # TASKDIR -> pid of the JVM holding its lock, if any
  local f="$1/.coag.lock"
  [ -s "$f" ] && awk '{print $2}' "$f" || true
}
wait_for() { # SECONDS CONDITION...
  local limit=$1; shift
  for _ in $(seq $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "timed out waiting for: $*" >&2; return 1
}
checkpointed_running() { # sets victim to a task directory that is running and has a checkpoint
  for t in "$dir"/tasks/*/; do
    pid=$(lock_pid "$t")
    if [ -n "$pid" ] && [ -f "$t/checkpoint.bin" ] && kill -0 "$pid" 2>/dev/null && [ ! -f "$t/result.json" ]; then
      victim=${t%/}; victim_pid=$pid; return 0
    fi
  done
  return 1
}

echo "== SIGKILL one task's JVM mid-run, then requeue it"
wait_for 120 checkpointed_running
name=$(basename "$victim")
index=$(./coag study tasks "$dir" | awk -v n="$name" '$1 ~ /^[0-9]+$/ && ("N" $2 "-seed" $3) == n {print $1}')
kill -9 "$victim_pid"
wait_for 30 bash -c "! kill -0 $victim_pid 2>/dev/null"
./coag study tasks "$dir" | grep -E "^ +$index " | tee "$work/killed.state"
grep -q interrupted "$work/killed.state"
wait_for 60 bash -c "scontrol show job -o ${array}_${index} | grep -qE 'JobState=(FAILED|COMPLETED)'"
scontrol requeue "${array}_${index}"

echo "== cancel the whole submission while a task runs and another is done, then resubmit"
some_done() { ls "$dir"/tasks/*/result.json >/dev/null 2>&1; }
done_and_running() { some_done && checkpointed_running; }
wait_for 120 done_and_running
scancel "$array"
wait_for 60 bash -c "! squeue -h -j $array | grep -q ."
./coag study tasks "$dir" | tee "$work/cancelled.state"
done_before=$(grep -c ' done ' "$work/cancelled.state" || true)
stat -c '%n %Y' "$dir"/tasks/*/result.json 2>/dev/null | sort > "$work/done.before" || true
./coag study submit "$dir" --cpus 1 --time 00:10:00 | tee "$work/resubmit.out"
resubmitted=$(grep -o 'to submit ([^)]*)' "$work/resubmit.out")
echo "resubmitted: $resubmitted (done before: $done_before)"
report_job=$(awk '{print $7}' "$dir/slurm/submissions.log" | tail -1)
wait_for 300 bash -c "! squeue -h | grep -q ."

grep -q "resuming at step" "$dir/slurm/task-$index.log"
echo "the killed task $index resumed from its checkpoint: $(grep -m1 "resuming at step" "$dir/slurm/task-$index.log")"

echo "== every task equals the local study's, nothing finished was recomputed, the report exists"
./coag study tasks "$dir"
hashes "$dir" > "$work/slurm.hashes"
diff "$work/local.hashes" "$work/slurm.hashes"
stat -c '%n %Y' $(awk '{print $1}' "$work/done.before") 2>/dev/null | sort | diff "$work/done.before" -
test -s "$dir/report.md" && tail -1 "$dir/slurm/report.log" | grep -q "4 of 4 tasks done"
echo "report job $report_job: $(tail -1 "$dir/slurm/report.log")"

echo "== bad input: one line, non-zero, the directory as it was"
snapshot() { find "$dir" -type f | sort | xargs md5sum | md5sum; }
before=$(snapshot)
expect_fail() { # WHAT FRAGMENT CMD...
  local what=$1 fragment=$2; shift 2
  if "$@" > "$work/bad.out" 2> "$work/bad.err"; then echo "$what: accepted" >&2; exit 1; fi
  [ "$(grep -vc 'Using incubator' "$work/bad.err")" -eq 1 ] || { echo "$what: not one line" >&2; cat "$work/bad.err" >&2; exit 1; }
  grep -q -- "$fragment" "$work/bad.err" || { echo "$what: wrong message" >&2; cat "$work/bad.err" >&2; exit 1; }
  echo "$what: $(grep -v 'Using incubator' "$work/bad.err")"
}
expect_fail "another model" "another model" ./coag study submit "$cfg" -o "$dir" --set model.Z=2.0
expect_fail "task out of range" "out of range" ./coag study run "$dir" --task 99
mkdir -p "$work/nosbatch" "$work/fake"
for tool in bash env dirname readlink find mktemp cat rm java; do ln -sf "$(readlink -f "$(command -v $tool)")" "$work/nosbatch/$tool"; done
expect_fail "sbatch missing" "sbatch is not on PATH" env PATH="$work/nosbatch" ./coag study submit "$dir"
printf '#!/bin/sh\necho "sbatch: error: Batch job submission failed: Invalid partition name specified" >&2\nexit 1\n' > "$work/fake/sbatch"
chmod +x "$work/fake/sbatch"
rm -rf "$work/fresh"
expect_fail "sbatch failing (extending the study)" "Invalid partition" env PATH="$work/fake:$PATH" ./coag study submit "$cfg" -o "$dir" --set study.seeds=3
expect_fail "sbatch failing (new study)" "Invalid partition" env PATH="$work/fake:$PATH" ./coag study submit "$cfg" -o "$work/fresh"
[ ! -e "$work/fresh" ] || { echo "a failed submission left $work/fresh behind" >&2; exit 1; }
[ "$(snapshot)" = "$before" ] || { echo "a refused command changed the study directory" >&2; exit 1; }

echo "SLURM study check passed in $(( $(date +%s) - start )) s"
