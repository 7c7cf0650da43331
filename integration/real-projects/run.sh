#!/usr/bin/env bash
# A real open-source project, built plainly and through orch:
#   run.sh PROJECT [WORKDIR]          (PROJECT: a file projects/PROJECT.sh)
# Environment: ORCH (default: the orch beside this checkout, build/bin/orch), RUNS (cold builds
# of each kind, interleaved plain/orch; default 1), JOBS (default 2), CXX/CC (compilers),
# EXTRA_ASPECTS (entries appended to the project's aspects, e.g. "- builtin: threads"),
# ORCH_REAL_PROJECTS_REQUIRED (1: a source that cannot be fetched fails instead of skipping).
#
# It fetches the Debian source package with `apt-get source` into WORKDIR (nothing is written
# into the repository), writes orch.yaml beside the sources, builds plain and through orch
# (cold, Ninja, -jJOBS, timing each build), runs the project's ctest in both builds with the
# orch build exporting to the OTLP test receiver, and checks:
#   - no unit failed open (an `orch: warning` line or error while building),
#   - every test passing in the plain build passes in the orch build,
#   - spans were received, and every span name is a function in `orch manifest` of the build.
# Prints one summary line starting with "real-project PROJECT:"; exits non-zero on a failure.
set -euo pipefail
project=${1:?usage: run.sh PROJECT [WORKDIR]}
here=$(cd "$(dirname "$0")" && pwd)
work=${2:-${TMPDIR:-/tmp}/orch-real-projects/$project}
orch=${ORCH:-$here/../../build/bin/orch}
orch=$(cd "$(dirname "$orch")" && pwd)/$(basename "$orch")
runs=${RUNS:-1} jobs=${JOBS:-2}
receiver_js=$here/../otlp-receiver/receiver.js
# shellcheck source=project.sh
. "$here/project.sh"
load_project "$project"

fail() { echo "FAIL ($project): $*"; failed=1; }
failed=0
mkdir -p "$work"
log=$work/log; rm -rf "$log"; mkdir -p "$log"

# 1. Sources.
fetch_sources "$work" "$log"
printf '%s\n' "$ORCH_YAML" >"$src/orch.yaml"
[ -z "${EXTRA_ASPECTS:-}" ] || printf '  %s\n' "$EXTRA_ASPECTS" >>"$src/orch.yaml"

# 2. Cold builds, interleaved plain/orch, timing only the build step.
compilers=()
[ -n "${CXX:-}" ] && compilers+=("-DCMAKE_CXX_COMPILER=$CXX")
[ -n "${CC:-}" ] && compilers+=("-DCMAKE_C_COMPILER=$CC")
build() {  # build KIND RUN -> prints seconds
  local kind=$1 run=$2 dir=$work/$1 extra=()
  [ "$kind" = orch ] && extra=("-DCMAKE_CXX_COMPILER_LAUNCHER=$orch" "-DCMAKE_C_COMPILER_LAUNCHER=$orch")
  configure_build "$dir" "$log/$kind.configure.$run.log" "${compilers[@]}" "${extra[@]}" || return 1
  local t0 t1
  t0=$(date +%s.%N)
  cmake --build "$dir" -j"$jobs" >"$log/$kind.build.$run.log" 2>&1 \
    || { tail -40 "$log/$kind.build.$run.log" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}'
}
# A project that picks ccache by itself must not make the plain build a cache hit.
export CCACHE_DISABLE=1
plain_times=() orch_times=()
for run in $(seq "$runs"); do
  plain_times+=("$(build plain "$run")") || { echo "FAIL ($project): the plain build failed"; exit 1; }
  orch_times+=("$(build orch "$run")") || { echo "FAIL ($project): the orch build failed"; exit 1; }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
plain_s=$(median "${plain_times[@]}") orch_s=$(median "${orch_times[@]}")
ratio=$(awk -v o="$orch_s" -v p="$plain_s" 'BEGIN {printf "%.2f", o / p}')

# 3. Units: rewritten (an X.o.orch beside the object), passed through, failed open (warnings).
orch_log=$log/orch.build.$runs.log
objects=$(find "$work/orch" -name '*.o' -o -name '*.obj' | wc -l)
rewritten=$(find "$work/orch" -name '*.o.orch' -o -name '*.obj.orch' | wc -l)
passed=$((objects - rewritten))
failed_open=$(grep -c '^orch: warning: .*not instrumented' "$orch_log" || true)
# The build-target notes on trivial functions are expected (the aspects instrument every
# function); anything else orch prints is a failure.
trivial_note="^orch: note: target '[^']*': .* are trivial "
trivial_notes=$(grep -c "$trivial_note" "$orch_log" || true)
if grep '^orch: ' "$orch_log" | grep -vq "$trivial_note"; then
  fail "orch printed while building:"; grep '^orch: ' "$orch_log" | sort -u | head -20
fi

# 4. Functions instrumented: orch manifest of every program and library of the orch build.
mapfile -t binaries < <(find "$work/orch" -type f \( -name '*.so*' -o -name '*.a' -o -perm -u+x \) \
                          ! -name '*.o' ! -path '*/CMakeFiles/*' -exec sh -c \
                          'head -c4 "$1" | grep -q "ELF\|!<ar" && echo "$1"' _ {} \;)
[ "${#binaries[@]}" -gt 0 ] || { echo "FAIL ($project): no program or library in the orch build"; exit 1; }
"$orch" manifest "${binaries[@]}" >"$log/manifest.jsonl" 2>"$log/manifest.err" || fail "orch manifest failed"
node -e '
  const fs = require("fs"); const names = new Set();
  for (const l of fs.readFileSync(process.argv[1], "utf8").split("\n")) if (l.trim()) names.add(JSON.parse(l).function);
  fs.writeFileSync(process.argv[2], [...names].sort().join("\n") + "\n");' \
  "$log/manifest.jsonl" "$log/functions.txt"
functions=$(grep -c . "$log/functions.txt" || true)
[ "$functions" -gt 0 ] || fail "orch manifest lists no instrumented function"

# 5. Tests: ctest in both builds; the orch build's test programs export to the receiver.
ctest_run() {  # ctest_run KIND -> writes $log/KIND.ctest.log and $log/KIND.passed
  (cd "$work/$1" && ctest --output-on-failure --timeout 300 "${CTEST_ARGS[@]}") >"$log/$1.ctest.log" 2>&1 || true
  sed -n 's/^ *[0-9]*\/[0-9]* Test *#[0-9]*: \([^ ]*\) \.*  *Passed.*/\1/p' "$log/$1.ctest.log" | sort >"$log/$1.passed"
  sed -n 's/^ *[0-9]*\/[0-9]* Test *#[0-9]*: \([^ ]*\) .*/\1/p' "$log/$1.ctest.log" | sort >"$log/$1.run"
}
ctest_run plain
rm -f "$work/requests.jsonl"
node "$receiver_js" --out "$work/requests.jsonl" --metrics-out "$work/metrics.jsonl" --port 0 >"$log/receiver.log" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log/receiver.log" && break; sleep 0.1; done
port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$log/receiver.log")
[ -n "$port" ] || { echo "FAIL ($project): the receiver did not start"; cat "$log/receiver.log"; exit 1; }
OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$port OTEL_SERVICE_NAME=$project ctest_run orch
sleep 1; kill $receiver; wait $receiver 2>/dev/null || true; trap - EXIT
plain_passed=$(grep -c . "$log/plain.passed" || true) plain_total=$(grep -c . "$log/plain.run" || true)
orch_passed=$(grep -c . "$log/orch.passed" || true) orch_total=$(grep -c . "$log/orch.run" || true)
[ "$plain_total" -gt 0 ] || fail "ctest ran no test in the plain build (see $log/plain.ctest.log)"
lost=$(comm -23 "$log/plain.passed" "$log/orch.passed")
[ -z "$lost" ] || fail "tests passing plain but not through orch: $(echo $lost) (see $log/orch.ctest.log)"

# 6. Spans: received, and every span name is an instrumented function.
touch "$work/requests.jsonl"
# Read line by line: the requests of a hot project exceed what one string can hold.
node -e '
  const fs = require("fs"), readline = require("readline");
  const fns = new Set(fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean));
  let spans = 0; const unknown = new Map(); const seen = new Set();
  const lines = readline.createInterface({input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity});
  lines.on("line", (l) => {
    if (!l.trim()) return;
    for (const rs of JSON.parse(l).resourceSpans || []) for (const ss of rs.scopeSpans || [])
      for (const s of ss.spans || []) {
        spans++; seen.add(s.name);
        if (!fns.has(s.name)) unknown.set(s.name, (unknown.get(s.name) || 0) + 1);
      }
  });
  lines.on("close", () => {
    fs.writeFileSync(process.argv[3], `${spans} ${seen.size} ${unknown.size}\n`);
    for (const [n, c] of unknown) console.log(`span name not in the manifest: ${n} (${c} spans)`);
  });' \
  "$log/functions.txt" "$work/requests.jsonl" "$log/spans.txt" >"$log/spans-unknown.txt"
read -r spans span_names unknown_names <"$log/spans.txt"
[ "$spans" -gt 0 ] || fail "no span received"
[ "$unknown_names" = 0 ] || { fail "span names not in the manifest:"; head -20 "$log/spans-unknown.txt"; }

echo "real-project $project: functions instrumented $functions; units rewritten $rewritten / passed through $passed / failed open $failed_open;" \
     "trivial-function notes $trivial_notes;" \
     "tests passed plain $plain_passed/$plain_total, orch $orch_passed/$orch_total;" \
     "spans received $spans ($span_names names);" \
     "build plain ${plain_s}s, orch ${orch_s}s, ratio $ratio (runs: plain ${plain_times[*]}; orch ${orch_times[*]}) -j$jobs"
exit "$failed"
