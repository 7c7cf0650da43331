#!/usr/bin/env bash
# `orch verify` interrupted leaves nothing behind:
#   check-interrupted.sh ORCH WORKDIR
# builds integration/verify/interrupted/napper.cpp plainly and through orch,
# then, for SIGINT in the probed run and SIGTERM in the instrumented one
# (each run of napper lasts 2 s: plain, ebpf, instrumented in that order),
# requires exit status 128 + the signal, an empty TMPDIR (its runs' files and
# metrics files removed) and no process of the runs left. Skips (exit 77,
# loudly) only when BPF uprobes cannot work here.
set -euo pipefail
orch=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then
  echo "******** BPF TEST SKIPPED: not running as root (orch verify needs root, or CAP_BPF and CAP_PERFMON) ********"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/tmp"
g++ -O2 -g "$here/interrupted/napper.cpp" -o "$work/napper-plain"
ORCH_CONFIG="$here/interrupted/orch.yaml" ORCH_STRICT=1 "$orch" g++ -O2 -g "$here/interrupted/napper.cpp" -o "$work/napper-orch"

interrupt() {  # interrupt SIGNAL AFTER_SECONDS
  local signal=$1 after=$2 status=0
  TMPDIR="$work/tmp" "$orch" verify --plain "$work/napper-plain" --instrumented "$work/napper-orch" --runs 1 -- 2 \
    >"$work/$signal.out" 2>"$work/$signal.err" &
  local pid=$!
  sleep "$after"
  [ -n "$(ls -A "$work/tmp")" ] || { echo "FAIL: no temporary directory while verifying"; exit 1; }
  kill "-$signal" "$pid"
  wait "$pid" || status=$?
  local expected=$((128 + $(kill -l "$signal")))
  [ "$status" = "$expected" ] || { echo "FAIL: SIGNAL $signal: exit status $status, expected $expected"; cat "$work/$signal.err"; exit 1; }
  sleep 0.2 # SIGKILL of the orphaned run reaches it asynchronously
  [ -z "$(ls -A "$work/tmp")" ] || { echo "FAIL: $signal left files behind:"; find "$work/tmp"; exit 1; }
  if pgrep -f "$work/napper-" >/dev/null; then echo "FAIL: $signal left a run behind:"; pgrep -af "$work/napper-"; exit 1; fi
  echo "ok: $signal after ${after}s: exit status $status, nothing left behind"
}
interrupt INT 3
interrupt TERM 5
