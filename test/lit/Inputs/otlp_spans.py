"""The spans of an OTLP/JSON file (the runtime's `file` exporter: one
ExportTraceServiceRequest per line), for the lit tests' checkers."""
import json


def load(path):
    spans = []
    for line in open(path):
        for rs in json.loads(line)["resourceSpans"]:
            for ss in rs["scopeSpans"]:
                spans.extend(ss["spans"])
    return spans


def attrs(span):
    """A span's attributes, each value as text."""
    return {a["key"]: str(next(iter(a["value"].values()))) for a in span.get("attributes", [])}


def expect(what, got, want):
    assert got == want, f"{what}: {got!r}, expected {want!r}"
