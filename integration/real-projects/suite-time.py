#!/usr/bin/env python3
"""Wall time of a real project's test suite, plain against through orch, interleaved.

    integration/real-projects/suite-time.py ROUNDS DIR [RUNTIME.so:DIR ...]

Each round runs `ctest --test-dir DIR -j1` for every argument in turn (run.sh PROJECT
builds WORKDIR/plain and WORKDIR/orch); RUNTIME.so:DIR runs DIR's suite with
ORCH_RUNTIME=RUNTIME.so, to compare runtimes on the same instrumented build. No
collector needs to listen. Prints the median wall time over rounds (min-max).
"""
import os
import statistics
import subprocess
import sys
import time

rounds, specs = int(sys.argv[1]), sys.argv[2:]
times = {spec: [] for spec in specs}
for _ in range(rounds):
    for spec in specs:
        env = dict(os.environ)
        runtime, _, directory = spec.rpartition(":")
        if runtime:
            env["ORCH_RUNTIME"] = runtime
        start = time.perf_counter()
        result = subprocess.run(["ctest", "--test-dir", directory, "-j1"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        times[spec].append(time.perf_counter() - start)
        if result.returncode:
            sys.exit(f"{spec}: the suite failed")
for spec, t in times.items():
    print(f"{spec}: {statistics.median(t):.3f} s ({min(t):.3f}-{max(t):.3f})")
