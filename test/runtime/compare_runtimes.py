#!/usr/bin/env python3
"""A/B of two (or more) builds of liborch_runtime under the same bench_span binary.

    test/runtime/compare_runtimes.py ROUNDS FILTER LIBDIR...

Each round runs bench_span once per LIBDIR (LD_LIBRARY_PATH=LIBDIR; bench_span's
RUNPATH yields to it), in turn, so that a change of machine load hits every
build alike. Prints, per benchmark and build, the median CPU time over rounds
(min-max), its excess over BM_Plain of the same run, and the median of the
calling core's speed probe (bench_span's core_ns_per_add: ~0.3 ns with the
core to itself, up to twice that when an SMT sibling is busy).
Environment: BENCH (default build/bin/bench_span), PIN (a prefix such as
"taskset -c 0"), MINT (--benchmark_min_time, default 0.5).
"""
import json
import os
import statistics
import subprocess
import sys

rounds, bench_filter, libdirs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
bench = os.environ.get("BENCH", "build/bin/bench_span")
prefix = os.environ.get("PIN", "").split()
times = {}
core_speed = {}
for _ in range(rounds):
    for libdir in libdirs:
        out = subprocess.run(prefix + [bench, "--benchmark_min_time=" + os.environ.get("MINT", "0.5"),
                                       f"--benchmark_filter={bench_filter}", "--benchmark_repetitions=3",
                                       "--benchmark_enable_random_interleaving=true",
                                       "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                             env=dict(os.environ, LD_LIBRARY_PATH=libdir), capture_output=True, text=True,
                             check=True).stdout
        for b in json.loads(out)["benchmarks"]:
            if b.get("aggregate_name") == "median":
                times.setdefault((b["run_name"], libdir), []).append(b["cpu_time"])
                if "core_ns_per_add" in b:
                    core_speed.setdefault((b["run_name"], libdir), []).append(b["core_ns_per_add"])


def summary(values):
    return f"{statistics.median(values):6.1f} ({min(values):.1f}-{max(values):.1f})"


for (name, libdir), values in sorted(times.items()):
    line = f"{name:28} {libdir:24} {summary(values)}"
    plain = times.get(("BM_Plain", libdir))
    if plain and name != "BM_Plain":
        line += "  over plain " + summary([v - p for v, p in zip(values, plain)])
    if (name, libdir) in core_speed:
        line += f"  core {statistics.median(core_speed[(name, libdir)]):.2f} ns/add"
    print(line)
