#!/usr/bin/env bash
# End-to-end `orch verify`:
#   run-verify.sh ORCH SOURCE_DIR PROGRAM BUILD_TYPE WORKDIR [--workload CMD] -- CHECKER_ARGS...
# builds the CMake project SOURCE_DIR plainly and through the orch launcher
# (BUILD_TYPE, the host compilers), runs `orch verify` on PROGRAM of both
# (with the workload, for a server), and
# checks its JSON and HTML report with check-report.py (CHECKER_ARGS say what
# to expect). Skips (exit 77, loudly) only when BPF uprobes cannot work here.
set -euo pipefail
orch=$1 source=$2 program=$3 build_type=$4 work=$5
shift 5
verify_options=()
[ "${1:-}" = "--workload" ] && { verify_options=(--workload "$2"); shift 2; }
[ "${1:-}" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" != 0 ]; then
  echo "******** BPF TEST SKIPPED: not running as root (orch verify needs root, or CAP_BPF and CAP_PERFMON) ********"
  exit 77
fi
if [ ! -e /sys/bus/event_source/devices/uprobe/type ]; then
  echo "******** BPF TEST SKIPPED: the kernel has no uprobe PMU (/sys/bus/event_source/devices/uprobe/type) ********"
  exit 77
fi

rm -rf "$work" && mkdir -p "$work"
build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S "$source" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >"$dir.configure.log"
  cmake --build "$dir" -j2 >"$dir.build.log" 2>&1 || { cat "$dir.build.log"; return 1; }
}
build "$work/plain"
build "$work/orch" -DCMAKE_CXX_COMPILER_LAUNCHER="$orch" -DCMAKE_C_COMPILER_LAUNCHER="$orch"
if grep -q "orch: " "$work/orch.build.log"; then
  echo "FAIL: orch printed warnings while building:"; grep "orch: " "$work/orch.build.log"; exit 1
fi

# What the checker compares the report with: the manifest as `orch manifest` reads it.
shopt -s nullglob
"$orch" manifest "$work/orch/$program" "$work"/orch/*.so >"$work/manifest.jsonl"

set +e
"$orch" verify --plain "$work/plain/$program" --instrumented "$work/orch/$program" --runs 3 "${verify_options[@]}" \
  --json "$work/report.json" --html "$work/report.html" >"$work/report.txt" 2>"$work/verify.err"
status=$?
set -e
cat "$work/report.txt"
[ "$status" = 0 ] || { echo "FAIL: orch verify exited with $status"; cat "$work/verify.err"; exit 1; }
check() { python3 "$here/check-report.py" --html "$work/report.html" --manifest "$work/manifest.jsonl" --runs 3 "$@"; }
check --report "$work/report.json" "$@"

# The checker must see a metrics count that is off by one on a `match` row.
python3 - "$work/report.json" "$work/report-wrong-metric.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
row = next(f for f in report["functions"] + report["call_sites"] if f["status"] == "match" and f["metric_calls"])
row["metric_calls_per_run"][0] += 1
json.dump(report, open(sys.argv[2], "w"))
PY
if check --report "$work/report-wrong-metric.json" "$@" >"$work/check-wrong-metric.txt"; then
  echo "FAIL: check-report.py accepted a wrong metrics count"; exit 1
fi
grep -q "metric_calls_per_run" "$work/check-wrong-metric.txt" ||
  { echo "FAIL: check-report.py rejected the wrong metrics count for another reason:"; cat "$work/check-wrong-metric.txt"; exit 1; }

# And a row whose status is changed to `match` (where the report has one that is not).
python3 - "$work/report.json" "$work/report-wrong-status.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
row = next((f for f in report["functions"] if f["status"] not in ("match", "uncounted")), None)
if row:
    row["status"] = "match"
json.dump(report, open(sys.argv[2], "w"))
PY
if ! cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])))' "$work/report.json") \
            <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])))' "$work/report-wrong-status.json"); then
  if check --report "$work/report-wrong-status.json" "$@" >"$work/check-wrong-status.txt"; then
    echo "FAIL: check-report.py accepted a wrong status"; exit 1
  fi
  grep -q "status match" "$work/check-wrong-status.txt" ||
    { echo "FAIL: check-report.py rejected the wrong status for another reason:"; cat "$work/check-wrong-status.txt"; exit 1; }
fi
