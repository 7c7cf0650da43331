#!/usr/bin/env python3
"""span-tree.py [--durations] FILE: the spans of an OTLP/JSON file (the runtime's
`file` exporter, one ExportTraceServiceRequest per line) as one tree per trace,
whatever the batches they came in: "trace", then each span indented under its
parent (children in start order) as NAME, its arg.*, orch.* and error.*
attributes, and ERROR (with --durations, its duration after the name). A span
whose parent is not in the file is printed as a root, after "(orphan)".
Used by the lit tests (check-tree.sh) and the demo."""
import json
import sys

durations = "--durations" in sys.argv[1:]
path = [a for a in sys.argv[1:] if a != "--durations"][0]
spans = []
for line in open(path):
    for rs in json.loads(line).get("resourceSpans", []):
        for ss in rs.get("scopeSpans", []):
            spans.extend(ss.get("spans", []))
ids = {s["spanId"] for s in spans}
children = {}
for s in spans:
    children.setdefault(s.get("parentSpanId", ""), []).append(s)


def value(v):
    if "stringValue" in v:
        return json.dumps(v["stringValue"])
    return json.dumps(next(iter(v.values()))).strip('"')  # booleans as true/false, int64 as digits


def show(span, depth):
    attrs = [f'{a["key"]}={value(a["value"])}' for a in span.get("attributes", [])
             if a["key"].startswith(("arg.", "orch.", "error."))]
    error = ["ERROR"] if span.get("status", {}).get("code") == 2 else []
    took = []
    if durations:
        ns = int(span["endTimeUnixNano"]) - int(span["startTimeUnixNano"])
        took = [f"{ns} ns" if ns < 10000 else f"{ns / 1000:.1f} us"]
    print("  " * depth + " ".join([span["name"]] + took + attrs + error))
    for child in sorted(children.get(span["spanId"], []), key=lambda c: int(c["startTimeUnixNano"])):
        show(child, depth + 1)


roots = [s for s in spans if s.get("parentSpanId", "") not in ids]
for root in sorted(roots, key=lambda s: int(s["startTimeUnixNano"])):
    print("trace" + (" (orphan)" if root.get("parentSpanId") else ""))
    show(root, 1)
