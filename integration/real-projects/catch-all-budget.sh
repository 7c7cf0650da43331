#!/usr/bin/env bash
# Benchmark (not a test; not in ctest): a catch-all aspect on a real storage engine, with and
# without the runtime's per-site span budget (docs/runtime.md, "Metrics", "Span budget").
#
#   integration/real-projects/catch-all-budget.sh
#
# Environment: RUNS (interleaved rounds, default 3), WORKDIR (default /tmp/orch-catch-all-budget),
# ORCH (default: build/bin/orch of this checkout), JOBS (default 2), NUM (db_bench --num, default
# 200000), BENCHMARKS (db_bench --benchmarks, default fillseq,readrandom), REBUILD=1 (rebuild
# even when WORKDIR holds both builds), MODES (default "plain before after off"; limitN: the orch
# build with ORCH_SITE_SPAN_LIMIT=N), TABLE_ONLY=1 (print the table of WORKDIR's last results).
#
# It fetches Debian's leveldb source package with `apt-get source` into WORKDIR (nothing is
# written into the repository), writes an orch.yaml beside the sources with one aspect,
# `function-body: { qualified-name: "leveldb::*" }` + `span: {}` (every function of the
# namespace, header one-liners included; db_bench's own code is in the namespace too), builds
# db_bench plainly and through orch (CMake, Ninja, RelWithDebInfo, -jJOBS), checks that no unit
# failed open, then runs db_bench RUNS times in each mode, interleaved:
#   plain   the plain build
#   before  the orch build, ORCH_SITE_SPAN_LIMIT=0 (no budget: the behaviour before it existed)
#   after   the orch build, default budget (ORCH_SITE_SPAN_LIMIT unset: 2000 per site, thread, s)
#   off     the orch build, OTEL_TRACES_SAMPLER=always_off, metrics on
# Each instrumented run exports over OTLP/HTTP (protobuf, default OTEL_BSP_* settings) to a
# local Python receiver that answers 200 at once and spools the bodies; after the run it counts
# the spans (walking the protobuf) and sums the `orch.function.calls` data points (the metrics
# are exported once, at exit: OTEL_METRIC_EXPORT_INTERVAL is set to one hour). Spans dropped come
# from the runtime's counters at exit (ORCH_STATS_FILE). All instrumented runs load
# one copy of the runtime beside orch, taken at the start (ORCH_RUNTIME). Wall time is the whole
# process, exit flush included. Prints a markdown table of medians (min-max); the per-run lines are in
# WORKDIR/results, the programs' output in WORKDIR/log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${WORKDIR:-${TMPDIR:-/tmp}/orch-catch-all-budget}
orch=${ORCH:-$here/../../build/bin/orch}
orch=$(cd "$(dirname "$orch")" && pwd)/$(basename "$orch")
runs=${RUNS:-3} jobs=${JOBS:-2} num=${NUM:-200000} benchmarks=${BENCHMARKS:-fillseq,readrandom}
modes=${MODES:-plain before after off}
[ -x "$orch" ] || { echo "catch-all-budget: no orch at $orch (set ORCH)"; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
log=$work/log; mkdir -p "$log"

# The table of a results file (one line per run: mode round wall spans requests calls dropped).
table() {
  echo
  cat "$work/results.meta"
  echo
  awk -v modes="$modes" '
    function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
                                     return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
    function mm(a, n, fmt,   lo, hi, i) { lo = hi = a[1]; for (i = 2; i <= n; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
                                          return sprintf(fmt " (" fmt "-" fmt ")", med(a, n), lo, hi) }
    { m = $1; k = ++n[m]; R[m, k] = $2; W[m, k] = $3; S[m, k] = $4; C[m, k] = $6; D[m, k] = $7; P[$2] = (m == "plain") ? $3 : P[$2] }
    END {
      split(modes, order, " ")
      label["plain"] = "plain build"; label["before"] = "orch, `ORCH_SITE_SPAN_LIMIT=0` (before)"
      label["after"] = "orch, default budget (after)"; label["off"] = "orch, `OTEL_TRACES_SAMPLER=always_off`"
      print "| mode | wall s | x plain | spans sent | spans dropped | dropped % | sent per s | `orch.function.calls` |"
      print "|---|---|---|---|---|---|---|---|"
      for (o = 1; o in order; o++) {
        m = order[o]; c = n[m]; if (!c) continue
        if (!(m in label)) label[m] = "orch, `ORCH_SITE_SPAN_LIMIT=" substr(m, 6) "`"
        delete w; delete x; delete s; delete d; delete r; delete p; delete cl; nx = 0
        for (i = 1; i <= c; i++) { w[i] = W[m, i]; s[i] = S[m, i]; d[i] = D[m, i]; cl[i] = C[m, i]
                                   p[i] = (S[m, i] + D[m, i]) ? 100 * D[m, i] / (S[m, i] + D[m, i]) : 0
                                   r[i] = S[m, i] / W[m, i]; if (P[R[m, i]]) x[++nx] = W[m, i] / P[R[m, i]] }
        ratio = nx ? mm(x, nx, "%.1f") : ""
        if (m == "plain") { printf "| %s | %s | 1 | | | | | |\n", label[m], mm(w, c, "%.2f"); continue }
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label[m], mm(w, c, "%.2f"), ratio,
               mm(s, c, "%d"), mm(d, c, "%d"), mm(p, c, "%.1f"), mm(r, c, "%d"), mm(cl, c, "%d")
      }
    }' "$1"
}
if [ "${TABLE_ONLY:-0}" = 1 ]; then table "$work/results"; exit 0; fi

# 1. Sources, fetched once per work dir.
if [ ! -f "$work/src/.fetched" ]; then
  rm -rf "$work/src" && mkdir -p "$work/src"
  (cd "$work/src" && apt-get source leveldb) >"$log/fetch.log" 2>&1 \
    || { cat "$log/fetch.log"; echo "catch-all-budget: apt-get source leveldb failed (deb-src lines and network needed)"; exit 77; }
  touch "$work/src/.fetched"
fi
src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'leveldb-*' | head -1)
cat >"$src/orch.yaml" <<'EOF'
service: leveldb-db_bench
aspects:
  - id: leveldb-catch-all
    join-point: { function-body: { qualified-name: "leveldb::*" } }
    advice: [ { span: {} } ]
EOF

# 2. Builds (only db_bench and what it needs; the tests are off).
export CCACHE_DISABLE=1
build() {  # build KIND
  local kind=$1 dir=$work/$1 extra=()
  [ "$kind" = orch ] && extra=("-DCMAKE_CXX_COMPILER_LAUNCHER=$orch" "-DCMAKE_C_COMPILER_LAUNCHER=$orch")
  rm -rf "$dir"
  cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEVELDB_BUILD_TESTS=OFF \
        -DLEVELDB_BUILD_BENCHMARKS=ON -DLEVELDB_INSTALL=OFF "${extra[@]}" >"$log/$kind.configure.log" 2>&1 \
    || { cat "$log/$kind.configure.log"; exit 1; }
  local t0 t1
  t0=$(date +%s.%N)
  cmake --build "$dir" -j"$jobs" --target db_bench >"$log/$kind.build.log" 2>&1 \
    || { tail -40 "$log/$kind.build.log"; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%s build: %.1f s\n", ARGV[1], b - a}' "$kind" | tee "$log/$kind.build.time"
}
for kind in plain orch; do
  if [ "${REBUILD:-0}" = 1 ] || [ ! -x "$work/$kind/db_bench" ]; then build "$kind"; fi
done
if grep -q '^orch: warning' "$log/orch.build.log"; then
  echo "catch-all-budget: units failed open:"; grep '^orch: warning' "$log/orch.build.log" | sort -u | head; exit 1
fi
objects=$(find "$work/orch" -name '*.o' | wc -l)
rewritten=$(find "$work/orch" -name '*.o.orch' | wc -l)
functions=$("$orch" manifest "$work/orch/db_bench" 2>/dev/null | grep -c . || true)
ops=$(( num * $(echo "$benchmarks" | tr ',' '\n' | grep -c .) ))
echo "leveldb $(basename "$src" | sed 's/leveldb-//'), \`db_bench --benchmarks=$benchmarks --num=$num\` ($ops operations);" \
     "$rewritten of $objects units rewritten, $functions functions instrumented; RUNS=$runs, medians (min-max)" \
     >"$work/results.meta"

# 3. The receiver: answers 200 at once and appends each body to a spool file per run (runs are
#    told apart by the URL's first path segment: http://127.0.0.1:PORT/TAG/v1/traces); spans and
#    calls are counted after the run, so that counting takes no CPU from the program (2 cores).
#    The spool is in /dev/shm when it can be (a run without the budget sends a few GB).
spool=${SPOOL:-/dev/shm}
{ [ -d "$spool" ] && [ -w "$spool" ]; } || spool=$work
spool=$(mktemp -d "$spool/orch-catch-all-budget.XXXXXX")
cat >"$work/receiver.py" <<'EOF'
import gzip, os, struct, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def varint(b, i):
    v = shift = 0
    while True:
        c = b[i]; i += 1; v |= (c & 0x7f) << shift; shift += 7
        if c < 0x80: return v, i

def fields(b):
    """(field number, wire type, value) of one protobuf message; LEN values as memoryviews."""
    i, n = 0, len(b)
    while i < n:
        key, i = varint(b, i)
        f, w = key >> 3, key & 7
        if w == 0: v, i = varint(b, i); yield f, w, v
        elif w == 1: yield f, w, b[i:i + 8]; i += 8
        elif w == 5: yield f, w, b[i:i + 4]; i += 4
        elif w == 2: ln, i = varint(b, i); yield f, w, b[i:i + ln]; i += ln
        else: raise ValueError("wire type %d" % w)

def count_spans(body):  # ExportTraceServiceRequest.resource_spans(1).scope_spans(2).spans(2)
    return sum(1 for f1, _, rs in fields(body) if f1 == 1
                 for f2, _, ss in fields(rs) if f2 == 2
                 for f3, _, _ in fields(ss) if f3 == 2)

def count_calls(body):  # sum of orch.function.calls' points: Metric.sum(7).data_points(1).as_int(6)
    total = 0
    for f1, _, rm in fields(body):
        for f2, _, sm in (fields(rm) if f1 == 1 else ()):
            for f3, _, m in (fields(sm) if f2 == 2 else ()):
                if f3 != 2: continue
                parts = {f: v for f, _, v in fields(m) if f in (1, 7)}
                if bytes(parts.get(1, b"")) != b"orch.function.calls" or 7 not in parts: continue
                for f5, _, dp in fields(parts[7]):
                    for f6, w6, v in (fields(dp) if f5 == 1 else ()):
                        if f6 == 6 and w6 == 1: total += struct.unpack("<q", bytes(v))[0]
    return total

def bodies(path):
    if not os.path.exists(path): return
    with open(path, "rb") as f:
        while True:
            head = f.read(5)
            if len(head) < 5: return
            n, gz = struct.unpack("<IB", head)
            b = f.read(n)
            yield memoryview(gzip.decompress(b) if gz else b)

if sys.argv[1] == "count":  # count SPOOL TAG -> "spans requests calls"
    d, tag = sys.argv[2], sys.argv[3]
    spans = requests = 0
    for b in bodies(os.path.join(d, tag + ".traces")): spans += count_spans(b); requests += 1
    calls = sum(count_calls(b) for b in bodies(os.path.join(d, tag + ".metrics")))
    print(spans, requests, calls)
    sys.exit(0)

spool = sys.argv[2]  # serve SPOOL
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.wfile.flush()
        parts = self.path.strip("/").split("/")
        if len(parts) > 1 and parts[-1] in ("traces", "metrics"):
            with open(os.path.join(spool, parts[0] + "." + parts[-1]), "ab") as f:
                f.write(struct.pack("<IB", len(body), self.headers.get("Content-Encoding") == "gzip"))
                f.write(body)

srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
print("listening on", srv.server_address[1], flush=True)
srv.serve_forever()
EOF
python3 "$work/receiver.py" serve "$spool" >"$log/receiver.log" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; rm -rf "$spool"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log/receiver.log" && break; sleep 0.1; done
port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$log/receiver.log")
[ -n "$port" ] || { echo "catch-all-budget: the receiver did not start"; cat "$log/receiver.log"; exit 1; }

# The runtime: a copy of the one beside orch (what the woven program would load), taken now and
# named by ORCH_RUNTIME in every instrumented run, so that a runtime rebuilt meanwhile in the
# checkout does not mix two runtimes in one table.
runtime_src=$(ls "$(dirname "$orch")"/../lib*/liborch_runtime.so.*.*.* 2>/dev/null | head -1)
[ -n "$runtime_src" ] || { echo "catch-all-budget: no liborch_runtime.so beside $orch"; exit 2; }
mkdir -p "$work/runtime" && cp "$runtime_src" "$work/runtime/liborch_runtime.so"
runtime=$work/runtime/liborch_runtime.so
echo "runtime: copy of $(cd "$(dirname "$runtime_src")" && pwd)/$(basename "$runtime_src")," \
     "md5 $(md5sum "$runtime" | cut -c1-12); checkout at $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')" \
     >>"$work/results.meta"

# 4. Interleaved runs. Each writes $log/MODE.RUN.{out,err} and one line to $work/results.
: >"$work/results"
run() {  # run MODE RUN
  local mode=$1 r=$2 tag=$1-$2 bin=$work/orch/db_bench env=()
  case $mode in
    plain) bin=$work/plain/db_bench ;;
    before) env=(ORCH_SITE_SPAN_LIMIT=0) ;;
    after) ;;
    off) env=(OTEL_TRACES_SAMPLER=always_off) ;;
    limit[0-9]*) env=("ORCH_SITE_SPAN_LIMIT=${mode#limit}") ;;
    *) echo "unknown mode $mode"; exit 2 ;;
  esac
  rm -rf "$work/db" "$log/$tag.stats"
  local t0 t1
  t0=$(date +%s.%N)
  env -u ORCH_SITE_SPAN_LIMIT -u ORCH_METRICS_TIME_ONE_IN -u OTEL_TRACES_SAMPLER -u OTEL_TRACES_EXPORTER -u OTEL_METRICS_EXPORTER \
      -u OTEL_SDK_DISABLED -u OTEL_EXPORTER_OTLP_PROTOCOL -u OTEL_EXPORTER_OTLP_COMPRESSION \
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:$port/$tag/v1/traces" \
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT="http://127.0.0.1:$port/$tag/v1/metrics" \
      OTEL_METRIC_EXPORT_INTERVAL=3600000 ORCH_RUNTIME="$runtime" ORCH_STATS_FILE="$log/$tag.stats" "${env[@]}" \
      "$bin" --benchmarks="$benchmarks" --num="$num" --db="$work/db" >"$log/$tag.out" 2>"$log/$tag.err"
  t1=$(date +%s.%N)
  local wall dropped got
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
  dropped=$(grep -o '"spans_dropped":[0-9]*' "$log/$tag.stats" 2>/dev/null | cut -d: -f2 | head -1 || true)
  got=$(python3 "$work/receiver.py" count "$spool" "$tag")
  rm -f "$spool/$tag".*
  # mode run wall spans requests calls dropped
  echo "$mode $r $wall $got ${dropped:-0}" | tee -a "$work/results" >&2
  # db_bench's progress lines end in \r: the runtime's lines are not at the start of a line.
  if tr '\r' '\n' <"$log/$tag.err" | grep -v '^orch: [0-9]* spans dropped: queue full' | grep -q 'orch:'; then
    echo "  (orch printed more, see $log/$tag.err)" >&2
  fi
}
for r in $(seq "$runs"); do for mode in $modes; do run "$mode" "$r"; done; done
rm -rf "$work/db"

# 5. The table: per mode, medians (min-max) over the runs; "x plain" is the median (min-max) of
#    each run's wall time over the plain run of the same round (the machine's load drifts).
table "$work/results"
