#!/usr/bin/env python3
"""Checks an `orch verify --json` report; fails on any wrong number.

  check-report.py --report R.json --html R.html --manifest M.jsonl --runs N
                  (--expected-trace FILE | --known-counts-doc FILE | --calls NAME=N ...)
                  [--status NAME=STATUS ...] [--probes NAME=N ...] [--throughput-unit UNIT]
                  [--call-site CALLER>CALLEE:LINE=N ...] [--callee-calls CALLEE=N ...]

Every manifest function and call site must be in the report once; each expected
function's metrics count (orch.function.calls) must be the expected one (from an
expected-trace.json, docs/verifier.md's known-counts table, or --calls) in every
run (null where the manifest says the site counts no calls: then `uncounted`),
and a function not expected must not run at all (an unused inline function of a
header: `not-called`); spans are sampled, never counted (span_calls null); a
`match` must have equal probe and metrics counts in every run, a
`partly-inlined` no more probe calls than metrics calls; statuses are `match`
unless --status (or the doc's table) says otherwise; --probes gives a function's
exact probe count in every run (for a `partly-inlined` one: its out-of-line calls). A call site's probe and
metrics counts must be its --call-site count (0 when not given) and its
callee's calls from every caller the --callee-calls one, unless it counts no
calls (`uncounted`). The runs must be present with sane
values (and a throughput in UNIT for every run, with --throughput-unit).
"""
import argparse
import json
from html import unescape
import re
import sys

errors = []


def check(condition, message):
    if not condition:
        errors.append(message)


def expected_from_trace(path):
    """{name: (calls, abandoned or None, status or None)} from an expected-trace.json:
    the sample's per-name form, or the tree form of integration/lib/check-trace.js
    (a line is `NAME [attributes] [×N]`; a renamed span names its function in
    code.function.name)."""
    expected = json.load(open(path))
    if "spans" in expected:
        return {name: (entry["count"], None, None) for name, entry in expected["spans"].items()}
    calls = {}
    for trace in expected["traces"]:
        for line in trace["tree"]:
            renamed = re.search(r'code\.function\.name="([^"]*)"', line)
            name = renamed.group(1) if renamed else line.split()[0]
            times = re.search(r"×(\d+)$", line)
            calls[name] = calls.get(name, 0) + trace["count"] * (int(times.group(1)) if times else 1)
    return {name: (n, None, None) for name, n in calls.items()}


def expected_from_doc(path):
    """The known-counts table of docs/verifier.md: | `name` | what | calls | abandoned | status |"""
    row = re.compile(r"^\| `(\w+)` \| [^|]+ \| (\d+) \| (\d+) \| `([\w-]+)` \|$")
    expected = {}
    for line in open(path):
        m = row.match(line.strip())
        if m:
            expected[m.group(1)] = (int(m.group(2)), int(m.group(3)), m.group(4))
    if not expected:
        sys.exit(f"no known-counts table rows found in {path}")
    return expected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--expected-trace")
    parser.add_argument("--known-counts-doc")
    parser.add_argument("--calls", action="append", default=[], help="NAME=N")
    parser.add_argument("--status", action="append", default=[], help="NAME=STATUS")
    parser.add_argument("--probes", action="append", default=[], help="NAME=N: the probe calls in every run")
    parser.add_argument("--call-site", action="append", default=[],
                        help="CALLER>CALLEE:LINE=N: the calls made at that call site")
    parser.add_argument("--callee-calls", action="append", default=[],
                        help="CALLEE=N: the callee's calls from every caller")
    parser.add_argument("--throughput-unit")
    args = parser.parse_args()

    report = json.load(open(args.report))
    if args.expected_trace:
        expected = expected_from_trace(args.expected_trace)
    elif args.known_counts_doc:
        expected = expected_from_doc(args.known_counts_doc)
    else:
        expected = {name: (int(n), None, None) for name, n in (item.split("=", 1) for item in args.calls)}
    statuses = {name: status for name, (_, _, status) in expected.items() if status}
    statuses.update(dict(item.split("=", 1) for item in args.status))
    probes = {name: int(n) for name, n in (item.split("=", 1) for item in args.probes)}

    manifest, manifest_calls = {}, {}
    for line in open(args.manifest):
        entry = json.loads(line)
        if "call" in entry:
            manifest_calls[(entry["file"], entry["line"], entry["column"])] = entry
        else:
            manifest[(entry["file"], entry["line"])] = entry
    functions = report["functions"]
    positions = [(f["file"], f["line"]) for f in functions]
    check(sorted(positions) == sorted(manifest),
          f"report functions {sorted(positions)} != manifest {sorted(manifest)}")
    check(len(set(positions)) == len(positions), "a function is reported twice")

    # The runtime's counts a row has: the metrics', unless the manifest says the site
    # counts no calls (`metrics: false`; then null). Spans are sampled, never counted.
    def counts_of(f, entry):
        check(f["span_calls"] is None and f["span_calls_per_run"] == [], f"{entry}: spans counted: {f['span_calls']}")
        if entry.get("metrics", True):
            return {"metric": f["metric_calls_per_run"]}
        check(f["metric_calls"] is None and f["metric_calls_per_run"] == [],
              f"{entry}: the site counts no calls, yet metric_calls {f['metric_calls']}")
        return {}

    names = {f["name"] for f in functions}
    check(names >= set(expected), f"functions {sorted(names)} lack expected {sorted(set(expected) - names)}")
    counted_sites = 0  # functions that ran and count calls in the metrics
    for f in functions:
        name = f["name"]
        counts = counts_of(f, manifest.get((f["file"], f["line"]), {}))
        if name not in expected:
            # Instrumented but never called (an inline function of a header the
            # program does not use): no metrics, no probe hit.
            check(f["probe_calls"] == 0 and all(c == [0] * args.runs for c in counts.values()),
                  f"{name}: not expected to run, but probes {f['probe_calls']}, {counts}")
            check(f["status"] == ("not-called" if counts else "uncounted"), f"{name}: status {f['status']}")
            continue
        calls, abandoned, _ = expected[name]
        entries = calls + (abandoned or 0)
        counted_sites += "metric" in counts and entries > 0
        want = statuses.get(name, "match")
        check(f["status"] == want, f"{name}: status {f['status']}, expected {want}")
        for kind, per_run in counts.items():
            check(f[f"{kind}_calls"] == entries, f"{name}: {kind}_calls {f[f'{kind}_calls']}, expected {entries}")
            check(per_run == [entries] * args.runs, f"{name}: {kind}_calls_per_run {per_run}")
        check(len(f["probe_calls_per_run"]) == args.runs, f"{name}: probe_calls_per_run has not {args.runs} runs")
        if name in probes:
            check(f["probe_calls_per_run"] == [probes[name]] * args.runs,
                  f"{name}: probe_calls_per_run {f['probe_calls_per_run']}, expected {probes[name]}")
        check(not f["metric_calls"] or 0 < f["span_p50_ns"] <= f["span_p99_ns"], f"{name}: no duration quantiles")
        if f["status"] == "match":
            check(f["probe_calls"] == entries, f"{name}: probe_calls {f['probe_calls']}, expected {entries}")
            check(all(per_run == f["probe_calls_per_run"] for per_run in counts.values()),
                  f"{name}: match but probes {f['probe_calls_per_run']}, {counts}")
            check(f["probe_p50_ns"] > 0 and f["probe_p99_ns"] >= f["probe_p50_ns"], f"{name}: probe latencies")
            check(f["symbol"] != "", f"{name}: match without a symbol")
            if abandoned is not None:
                check(f["abandoned"] == abandoned, f"{name}: abandoned {f['abandoned']}, expected {abandoned}")
        elif f["status"] == "inlined":
            check(f["probe_calls_per_run"] == [0] * args.runs, f"{name}: inlined but probed {f['probe_calls_per_run']}")
        elif f["status"] == "partly-inlined":
            check(all(p <= entries for p in f["probe_calls_per_run"]),
                  f"{name}: partly-inlined but the probes saw more calls than the program")

    # Call sites: each manifest call once; the expected ones with their exact calls (the callee's
    # entries that returned to them), while the callee is called from elsewhere too.
    calls = report["call_sites"]
    places = [(c["file"], c["line"], c["column"]) for c in calls]
    check(sorted(places) == sorted(manifest_calls), f"report call sites {sorted(places)} != manifest {sorted(manifest_calls)}")
    expected_calls = {key: int(n) for key, n in (item.rsplit("=", 1) for item in args.call_site)}
    callee_calls = {name: int(n) for name, n in (item.split("=", 1) for item in args.callee_calls)}
    seen_calls = set()
    for c in calls:
        key = f"{c['caller']}>{c['callee']}:{c['line']}"
        seen_calls.add(key)
        counts = counts_of(c, manifest_calls.get((c["file"], c["line"], c["column"]), {}))
        if not counts:
            check(c["status"] == "uncounted", f"{key}: counts no calls, status {c['status']}")
            continue
        n = expected_calls.get(key, 0)
        counted_sites += "metric" in counts and n > 0
        want = "match" if n else "not-called"
        check(c["status"] == want, f"{key}: status {c['status']}, expected {want}")
        check(c["probe_calls_per_run"] == [n] * args.runs, f"{key}: probe_calls_per_run {c['probe_calls_per_run']}, expected {n}")
        for kind, per_run in counts.items():
            check(per_run == [n] * args.runs, f"{key}: {kind}_calls_per_run {per_run}, expected {n}")
        if c["callee"] in callee_calls:
            check(c["callee_calls_per_run"] == [callee_calls[c["callee"]]] * args.runs,
                  f"{key}: callee_calls_per_run {c['callee_calls_per_run']}, expected {callee_calls[c['callee']]}")
    check(seen_calls >= set(expected_calls), f"call sites {sorted(seen_calls)} lack {sorted(set(expected_calls) - seen_calls)}")

    for mode in ("plain", "ebpf", "instrumented"):
        run = report["runs"].get(mode)
        check(run is not None, f"runs.{mode} missing")
        if run is None:
            continue
        check(0 < run["wall_s"] < 60, f"runs.{mode}.wall_s {run['wall_s']}")
        check(0 < run["cpu_s"] < 60, f"runs.{mode}.cpu_s {run['cpu_s']}")
        check(1000 < run["max_rss_kb"] < 10_000_000, f"runs.{mode}.max_rss_kb {run['max_rss_kb']}")
        check(len(run["per_run"]) == args.runs, f"runs.{mode}: {len(run['per_run'])} runs")
        for i, one in enumerate(run["per_run"]):
            check(one["exit_status"] == 0 and "failure" not in one, f"runs.{mode}[{i}]: {one}")
        if args.throughput_unit:
            check(run.get("throughput_unit") == args.throughput_unit, f"runs.{mode}: throughput unit")
            check(all(one.get("throughput", 0) > 0 for one in run["per_run"]), f"runs.{mode}: throughput missing")
        spread = run["wall_s_spread"]
        check(spread["min"] <= run["wall_s"] <= spread["max"], f"runs.{mode}: median outside min-max")
    check(0 < report["probe_cost_ns"] < 1e6, f"probe_cost_ns {report['probe_cost_ns']}")
    check(0 < report["span_cost_ns"] < 1e6, f"span_cost_ns {report['span_cost_ns']}")
    check(report["calibration"]["probe_calls_counted"] == report["calibration"]["probe_calls"],
          "the calibration's probes missed calls")
    check(report["problems"] == [], f"problems: {report['problems']}")
    check(report["verified"] is True, "not verified")
    probes = report["probes"]
    check(probes["unmatched_exits"] == 0 and probes["stack_overflows"] == 0 and probes["unknown_callers"] == 0,
          f"probe anomalies: {probes}")
    # Every function that ran and counts calls is one site in the metrics, and every site is a manifest function.
    metrics = report["metrics"]
    check(metrics["sites_per_run"] == [counted_sites] * args.runs,
          f"metrics.sites_per_run {metrics['sites_per_run']}, expected {counted_sites}")
    check(metrics["unmatched_per_run"] == [0] * args.runs, f"metrics.unmatched_per_run {metrics['unmatched_per_run']}")

    html = open(args.html).read()
    check(html.startswith("<!DOCTYPE html>") and "<svg" in html, "the HTML report has no chart")
    check(not re.search(r"(src|href)=['\"]?(https?:)?//", html), "the HTML report loads something from the network")
    for name in names:
        check(name.replace("&", "&amp;").replace("<", "&lt;") in html, f"the HTML report lacks {name}")
    check("<th>metric calls</th>" in html, "the HTML report has no metric calls column")
    # What matters first (overhead and costs, then problems, then the rows, most calls first),
    # a filter box and sortable columns, a summary line per status.
    for table_id, rows in (("functions", functions), ("call-sites", calls)):
        if not rows:
            continue
        rows_at = html.find(f"<table id={table_id} class=sortable>")
        check(f"<input class=filter data-table={table_id}" in html and rows_at > 0 and "<script>" in html,
              f"the HTML {table_id} table has no filter box or no sorting")
        check(0 < html.find("<h2>Overhead") < html.find("<h2>Cost of one event") < rows_at,
              f"the HTML report does not lead with the overhead and the costs before its {table_id}")
        if "<h2>Problems" in html:
            check(html.find("<h2>Problems") < rows_at, f"the HTML problems come after the {table_id}")
    for status in {f["status"] for f in functions}:
        check(f"<span class='st {status}'>{status}</span></td><td class=n data-v=" in html,
              f"the HTML report has no summary line for {status}")
    table = html[html.find("<table id=functions"):]
    table = table[:table.find("</table>")]
    shown = [unescape(name) for name in re.findall(r"<tr><td title='[^']*'>(.*?)</td>", table)]
    calls_of = {f["name"]: max(f["metric_calls"] or 0, f["probe_calls"]) for f in functions}
    check(sorted(shown) == sorted(names) and [calls_of[n] for n in shown] == sorted(calls_of.values(), reverse=True),
          f"the HTML function rows are not the functions, most calls first: {shown}")
    for c in calls:
        check(f"{c['caller']} -&gt; {c['callee']} at " in html, f"the HTML report lacks the call {c['caller']} -> {c['callee']}")

    if errors:
        print("FAIL:\n  " + "\n  ".join(errors))
        sys.exit(1)
    print(f"ok: {len(functions)} functions, {args.runs} runs per mode")


if __name__ == "__main__":
    main()
