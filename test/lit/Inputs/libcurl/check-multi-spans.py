#!/usr/bin/env python3
"""check-multi-spans.py SPANS.jsonl: the spans of multi.cpp, as libcurl.test expects them:
each transfer a client span under store::fetch_all, the server's spans under the
transfers, and the work done while they ran under fetch_all, not under a transfer."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from otlp_spans import attrs, expect, load  # noqa: E402

spans = load(sys.argv[1])
by_id = {s["spanId"]: s for s in spans}


fetch = [s for s in spans if s["name"] == "store::fetch_all"]
expect("fetch_all spans", len(fetch), 1)
fetch = fetch[0]
clients = [s for s in spans if s["kind"] == 3]
expect("client spans", sorted(attrs(s)["url.full"].rsplit("/", 1)[1] for s in clients), ["42", "7", "unreachable"])
for c in clients:
    expect(c["name"] + " parent", c.get("parentSpanId"), fetch["spanId"])
    assert int(c["endTimeUnixNano"]) <= int(fetch["endTimeUnixNano"]), "a transfer ends before fetch_all returns"
errors = sorted(attrs(c).get("error.type", "") for c in clients if c.get("status", {}).get("code") == 2)
expect("failed transfers' error.type", errors, ["404", "7"])
servers = [s for s in spans if s["kind"] == 2]
expect("server spans", len(servers), 2)
for s in servers:
    parent = by_id.get(s.get("parentSpanId"))
    assert parent is not None and parent["kind"] == 3, f"server span's parent: {s.get('parentSpanId')}"
others = [s for s in spans if s["kind"] not in (2, 3) and s is not fetch]
assert any(s["name"] == "store::tick" for s in others), "no store::tick span"
for s in others:
    expect(s["name"] + " parent", s.get("parentSpanId"), fetch["spanId"])
expect("traces", len({s["traceId"] for s in spans}), 1)
print("libcurl multi spans as expected:", len(spans))
