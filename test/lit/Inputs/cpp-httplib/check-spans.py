#!/usr/bin/env python3
"""check-spans.py SPANS.jsonl: the spans of server.cpp, as cpp-httplib.test expects them."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from otlp_spans import attrs, expect, load  # noqa: E402

spans = load(sys.argv[1])


def one(name):
    found = [s for s in spans if s["name"] == name]
    assert len(found) == 1, f"{len(found)} spans named {name!r}: {[s['name'] for s in spans]}"
    return found[0]


by_id = {s["spanId"]: s for s in spans}
route = "GET /items/(\\d+)"
items = [s for s in spans if s["name"] == route]
expect("requests of " + route, len(items), 2)
with_parent = [s for s in items if s.get("parentSpanId")]
expect("of them under the incoming traceparent", len(with_parent), 1)
served = with_parent[0]
expect("trace id", served["traceId"], "4bf92f3577b34da6a3ce929d0e0e4736")
expect("parent", served["parentSpanId"], "00f067aa0ba902b7")
expect("tracestate", served.get("traceState"), "vendor=abc")
expect("kind", served["kind"], 2)
a = attrs(served)
for key, value in [("http.request.method", "GET"), ("http.route", "/items/(\\d+)"), ("url.path", "/items/42"),
                   ("http.response.status_code", "200"), ("client.address", "127.0.0.1")]:
    expect(key, str(a.get(key)), value)
assert int(a["server.port"]) > 0, a
assert served.get("status", {}).get("code", 0) != 2, served
children = [s for s in spans if s.get("parentSpanId") == served["spanId"]]
expect("children of the served request", [c["name"] for c in children], ["catalog::get_item"])

failed = [s for s in items if not s.get("parentSpanId")][0]
expect("the failing request's status", failed["status"]["code"], 2)
events = [e for e in failed.get("events", []) if e["name"] == "exception"]
expect("its exception events", len(events), 1)
expect("exception.type", attrs(events[0])["exception.type"], "std::out_of_range")
assert failed["traceId"] != served["traceId"]

health = one("GET /health")
assert not health.get("parentSpanId"), "a malformed traceparent must start a new trace"
expect("health status code", attrs(health)["http.response.status_code"], "200")

order = one("POST /orders")
expect("POST status", order["status"]["code"], 2)
expect("error.type", attrs(order)["error.type"], "503")
expect("POST status code", attrs(order)["http.response.status_code"], "503")
print("cpp-httplib spans as expected:", len(spans))
