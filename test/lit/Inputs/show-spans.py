#!/usr/bin/env python3
"""show-spans.py SPANS.jsonl [db|client]: the database spans (default) or the
client spans in start order, one line each: NAME (kind) key="value"... sorted
(code.* left out), ERROR(status message)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from otlp_spans import load  # noqa: E402

which = sys.argv[2] if len(sys.argv) > 2 else "db"
for s in sorted(load(sys.argv[1]), key=lambda s: int(s["startTimeUnixNano"])):
    attrs = {a["key"]: next(iter(a["value"].values())) for a in s.get("attributes", [])}
    if (which == "db" and "db.system.name" not in attrs) or (which == "client" and s["kind"] != 3):
        continue
    kind = {3: "client"}.get(s["kind"], str(s["kind"]))
    parts = [s["name"], f"({kind})"] + [f"{k}={json.dumps(v)}" for k, v in sorted(attrs.items()) if not k.startswith("code.")]
    status = s.get("status", {})
    if status.get("code") == 2:
        parts.append(f"ERROR({status.get('message', '')})")
    print(" ".join(parts))
