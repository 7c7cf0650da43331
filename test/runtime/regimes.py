#!/usr/bin/env python3
"""The cost of a sampled-in span over the plain call, and the spans dropped, in
the regimes a service meets (issue 18), each from build/bin/bench_bursts.

    test/runtime/regimes.py ROUNDS [LIBDIR...]

Regimes, each a bench_bursts configuration (bursts of 1,000 calls; the plain
burst timed just before each traced one):
  saturated        bursts back to back (period 0)
  idle 1/10/100 ms bursts after 1, 10 and 100 ms of idle
  exporter busy    bursts every 10 ms while a busy loop holds the other vCPU
  sampled out      bursts every 10 ms with OTEL_TRACES_SAMPLER=always_off (the
                   call still counted in the site's metrics), and again with
                   OTEL_METRICS_EXPORTER=none
  decoding receiver  bursts every 10 ms (100 k spans/s) exported to
                   integration/otlp-receiver/counting-receiver.js, which
                   decodes every span (one receiver for the whole run,
                   warmed up by a run that is not counted): the spans dropped
Each round runs every regime once per LIBDIR (LD_LIBRARY_PATH; default: the
runtime bench_bursts was linked with), in turn, so that a change of load hits
every build alike. Prints, per regime and build, the median over rounds
(min-max) of the cost per call over the plain call and of the spans dropped,
the plain call's own time, and how often the calling thread was preempted
during a traced burst. Environment: BENCH (default
build/bin/bench_bursts), SECONDS_PER_REGIME (default 2).
"""
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
RECEIVER = os.path.join(REPO, "integration", "otlp-receiver", "counting-receiver.js")
ROW = re.compile(r"^\s*(\d+) ms \|\s*\d+ \|\s*\d+ \|\s*\d+ \|\s*(-?[\w.]+) % \|\s*([\d.]+) ns \|\s*([\d.]+) ns \|\s*([+-][\d.]+) ns \|\s*([\d.]+)")


def bench_rows(libdir, periods, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    if libdir:
        env["LD_LIBRARY_PATH"] = libdir
    seconds = os.environ.get("SECONDS_PER_REGIME", "2")
    bench = os.environ.get("BENCH", os.path.join(REPO, "build", "bin", "bench_bursts"))
    out = subprocess.run([bench, seconds, "1000"] + [str(p) for p in periods], env=env, capture_output=True,
                         text=True, check=True).stdout
    rows = [m.groups() for m in map(ROW.match, out.splitlines()) if m]
    if len(rows) != len(periods):
        sys.exit(f"unexpected bench_bursts output:\n{out}")
    return [{"dropped": float(r[1]) if r[1][-1].isdigit() else 0.0, "plain": float(r[2]), "over": float(r[4]), "preempted": float(r[5])} for r in rows]


class Background:
    """A process for the duration of a regime; `ready` is a line it prints when it is."""

    def __init__(self, argv, ready=None):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.line = self.proc.stdout.readline() if ready else ""
        if ready and ready not in self.line:
            sys.exit(f"{argv[0]} did not start: {self.line!r}")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def one_round(libdir, receiver_port):
    results = {}
    for name, row in zip(["saturated", "idle 1 ms", "idle 10 ms", "idle 100 ms"], bench_rows(libdir, [0, 1, 10, 100])):
        results[name] = row
    hog = Background(["taskset", "-c", "1", "sh", "-c", "while :; do :; done"])
    try:
        results["exporter busy"] = bench_rows(libdir, [10])[0]
    finally:
        hog.stop()
    results["sampled out"] = bench_rows(libdir, [10], {"OTEL_TRACES_SAMPLER": "always_off"})[0]
    results["sampled out, no metrics"] = bench_rows(libdir, [10], {"OTEL_TRACES_SAMPLER": "always_off",
                                                                   "OTEL_METRICS_EXPORTER": "none"})[0]
    results["decoding receiver"] = bench_rows(libdir, [10], {"BENCH_ENDPOINT": f"http://127.0.0.1:{receiver_port}"})[0]
    return results


def summary(values):
    return f"{statistics.median(values):+.1f} ({min(values):+.1f} to {max(values):+.1f})"


def main():
    rounds = int(sys.argv[1])
    libdirs = sys.argv[2:] or [None]
    all_results = {lib: [] for lib in libdirs}
    start = time.time()
    # One receiver for the whole run, warmed up first: a collector runs for
    # long, while node's first seconds of decoding are slower (its JIT).
    receiver = Background(["node", RECEIVER, "--port", "0"], ready="listening on")
    try:
        port = receiver.line.split()[-1]
        bench_rows(libdirs[0], [10], {"BENCH_ENDPOINT": f"http://127.0.0.1:{port}"})
        for _ in range(rounds):
            for lib in libdirs:
                all_results[lib].append(one_round(lib, port))
    finally:
        receiver.stop()
    print(f"{rounds} rounds in {time.time() - start:.0f} s; load average {os.getloadavg()[0]:.1f} at the end")
    for lib in libdirs:
        print(f"\n{lib or 'linked runtime'}\n")
        print("| regime | ns per call over the plain call | dropped, % | plain call, ns | caller preempted per burst |")
        print("|---|---|---|---|---|")
        for regime in all_results[lib][0]:
            over = [r[regime]["over"] for r in all_results[lib]]
            dropped = [r[regime]["dropped"] for r in all_results[lib]]
            plain = [r[regime]["plain"] for r in all_results[lib]]
            preempted = [r[regime]["preempted"] for r in all_results[lib]]
            print(f"| {regime} | {summary(over)} | {statistics.median(dropped):.2f} ({min(dropped):.2f}-{max(dropped):.2f})"
                  f" | {statistics.median(plain):.1f} | {statistics.median(preempted):.2f} |")


if __name__ == "__main__":
    main()
