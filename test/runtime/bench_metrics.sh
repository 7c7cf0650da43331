#!/bin/bash
# The metrics' cost to the calling thread, for docs/benchmarks.md ("Metrics"):
# bench_span in RUNS processes per configuration (default 3), each with 5
# repetitions in random interleaving; per repetition, each benchmark minus
# BM_Plain of the same repetition; printed as the median with min-max over
# all repetitions of all runs.
#
#   test/runtime/bench_metrics.sh [RUNS]     (from the repository root, after a build)
set -euo pipefail
runs=${1:-3}
bench=${BENCH:-build/bin/bench_span}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# sampler[:ratio] and metric exporter (none: metrics off)
configs=("always_off console" "parentbased_traceidratio:0.01 console" "parentbased_traceidratio:0.01 none"
         "always_on console" "always_off none")
for run in $(seq "$runs"); do
  for cfg in "${configs[@]}"; do
    set -- $cfg
    sampler=${1%%:*} ratio=1
    [[ $1 == *:* ]] && ratio=${1#*:}
    OTEL_TRACES_SAMPLER=$sampler OTEL_TRACES_SAMPLER_ARG=$ratio OTEL_METRICS_EXPORTER=$2 "$bench" \
      --benchmark_filter='BM_Plain$|BM_Traced$|BM_TracedNoMetrics|BM_MetricsOnly' \
      --benchmark_min_time=0.3 --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
      --benchmark_format=json 2>/dev/null >"$out/$1-$2-$run.json"
  done
done
python3 - "$out" <<'PY'
import glob, json, statistics, sys
from collections import defaultdict
over = defaultdict(list)  # (sampler, metrics exporter, benchmark) -> ns over the plain call
for path in glob.glob(sys.argv[1] + "/*.json"):
    sampler, exporter, _ = path.rsplit("/", 1)[1][:-5].split("-")
    reps = defaultdict(dict)
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type") == "iteration":
            reps[b["repetition_index"]][b["run_name"]] = b["real_time"]
    for r in reps.values():
        for name, t in r.items():
            if name != "BM_Plain":
                over[(sampler, exporter, name)].append(t - r["BM_Plain"])
print("| sampler | metrics | benchmark | ns over the plain call: median (min-max) | n |")
print("|---|---|---|---|---|")
for (sampler, exporter, name), v in sorted(over.items()):
    print(f"| {sampler} | {'on' if exporter != 'none' else 'off'} | {name} | {statistics.median(v):.1f} ({min(v):.1f}-{max(v):.1f}) | {len(v)} |")
PY
