#!/usr/bin/env bash
# `orch verify` without root or CAP_BPF+CAP_PERFMON must say so and stop:
#   check-unprivileged.sh ORCH
# As root, drops to nobody with setpriv (which clears the capabilities).
set -uo pipefail
orch=$1
as_nobody=()
[ "$(id -u)" = 0 ] && as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
output=$("${as_nobody[@]}" "$orch" verify --plain /bin/true --instrumented /bin/true -- 2>&1)
status=$?
echo "$output"
expected="orch verify: needs root, or the capabilities CAP_BPF and CAP_PERFMON, to load its eBPF program and attach uprobes; this process \\(uid [0-9]+\\) lacks CAP_BPF and CAP_PERFMON"
[ "$status" = 2 ] || { echo "FAIL: exit status $status, expected 2"; exit 1; }
echo "$output" | grep -Eq "^$expected" || { echo "FAIL: not the expected message"; exit 1; }
echo "ok"
