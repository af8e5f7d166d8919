#!/usr/bin/env bash
# A real single-node SLURM cluster on this machine, for CI and for trying `coag study submit`
# without a cluster (Debian 12: slurmctld slurmd slurm-client munge; no systemd needed).
#
#   scripts/slurm-local.sh install      apt-get the packages (about 20 s)
#   scripts/slurm-local.sh start DIR    start munged, slurmctld and slurmd with state under DIR;
#                                       then: export SLURM_CONF=DIR/slurm.conf
#   scripts/slurm-local.sh stop DIR     stop the three daemons started with that DIR
#
# Facts this relies on are in ../shared/CLUSTER.md of the project's workspace: munged runs as the
# munge user with its own socket, the node line comes from `slurmd -C`, no cgroups (so jobs must
# pass their threads and heap themselves), no accounting database (task state comes from the
# study directory, never from sacct). cred_expire=10: a requeued job waits cred_expire + 1 s before
# it may start again (SLURM's default is 120 s), which a CI run should not spend.
set -euo pipefail

cmd=${1:-}
dir=${2:-}

case "$cmd" in
  install)
    if ! command -v slurmctld >/dev/null 2>&1; then
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client munge
    fi
    ;;
  start)
    [ -n "$dir" ] || { echo "usage: $0 start DIR" >&2; exit 2; }
    mkdir -p "$dir"/{munge,state,spool,log}
    dir=$(cd "$dir" && pwd)
    # munged runs as the munge user: it must be able to reach its directory (mktemp -d makes 0700 ones)
    p=$dir; while [ "$p" != / ]; do chmod a+x "$p"; p=$(dirname "$p"); done
    host=$(hostname -s)
    chown munge:munge "$dir/munge"
    [ -f /etc/munge/munge.key ] || mungekey --create
    runuser -u munge -- munged --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
      --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
    node=$(slurmd -C | head -1 | sed -e 's/ UpTime=.*//')
    cat > "$dir/slurm.conf" <<EOF
ClusterName=coag-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket,cred_expire=10
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=600
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
$node State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -c -f "$SLURM_CONF"
    for _ in $(seq 50); do scontrol ping >/dev/null 2>&1 && break; sleep 0.2; done
    slurmd -f "$SLURM_CONF" -N "$host"
    for _ in $(seq 100); do
      state=$(sinfo -h -N -o %t 2>/dev/null | head -1)
      [ "$state" = "idle" ] && break
      sleep 0.2
    done
    [ "$(sinfo -h -N -o %t | head -1)" = "idle" ] || { echo "slurm-local: the node did not come up" >&2; sinfo -N >&2; exit 1; }
    ;;
  stop)
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
      if [ -f "$f" ]; then
        pid=$(cat "$f")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
    done
    ;;
  *)
    echo "usage: $0 install | start DIR | stop DIR" >&2
    exit 2
    ;;
esac
