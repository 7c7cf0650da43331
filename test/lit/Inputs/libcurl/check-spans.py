#!/usr/bin/env python3
"""check-spans.py SPANS.jsonl: the spans of store.cpp, as libcurl.test expects them."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from otlp_spans import attrs, expect, load  # noqa: E402

spans = load(sys.argv[1])
by_id = {s["spanId"]: s for s in spans}


clients = sorted((s for s in spans if s["kind"] == 3), key=lambda s: int(s["startTimeUnixNano"]))
expect("client spans", [s["name"] for s in clients], ["GET", "GET", "POST", "GET"])
first = attrs(clients[0])
expect("url.full", first["url.full"], "http://REDACTED:REDACTED@127.0.0.1:%s/price/42?sig=REDACTED&currency=EUR" % first["server.port"])
expect("server.address", first["server.address"], "127.0.0.1")
expect("http.request.method", first["http.request.method"], "GET")
expect("http.response.status_code", first["http.response.status_code"], "200")
assert clients[0].get("status", {}).get("code", 0) != 2
expect("404 status", clients[1]["status"]["code"], 2)
expect("404 error.type", attrs(clients[1])["error.type"], "404")
expect("POST method", attrs(clients[2])["http.request.method"], "POST")
expect("unreachable status", clients[3]["status"]["code"], 2)
expect("unreachable error.type", attrs(clients[3])["error.type"], "7")

# each request's server span is a child of the client span that sent it: one trace
servers = [s for s in spans if s["kind"] == 2]
expect("server spans", sorted(s["name"] for s in servers), ["GET /price/(\\d+)", "GET /price/(\\d+)", "POST /orders"])
for server in servers:
    parent = by_id.get(server.get("parentSpanId"))
    assert parent is not None and parent["kind"] == 3, f"{server['name']}: parent {server.get('parentSpanId')}"
    expect(server["name"] + " trace", server["traceId"], parent["traceId"])
expect("traces", len({s["traceId"] for s in spans}), 1)
print("libcurl spans as expected:", len(spans))
