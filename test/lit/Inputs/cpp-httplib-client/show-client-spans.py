#!/usr/bin/env python3
"""show-client-spans.py SPANS.jsonl: the client spans in start order, one line
each: NAME key="value"... sorted (code.* left out), ERROR(status message)."""
import json
import sys

spans = []
for line in open(sys.argv[1]):
    for rs in json.loads(line)["resourceSpans"]:
        for ss in rs["scopeSpans"]:
            spans.extend(ss["spans"])
for s in sorted(spans, key=lambda s: int(s["startTimeUnixNano"])):
    if s["kind"] != 3:
        continue
    attrs = {a["key"]: next(iter(a["value"].values())) for a in s.get("attributes", [])}
    parts = [s["name"]] + [f"{k}={json.dumps(v)}" for k, v in sorted(attrs.items()) if not k.startswith("code.")]
    status = s.get("status", {})
    if status.get("code") == 2:
        parts.append(f"ERROR({status.get('message', '')})")
    print(" ".join(parts))
