// OTLP/JSON encoding of ExportTraceServiceRequest, per the OTLP specification's
// JSON Protobuf Encoding: lowerCamelCase field names, trace and span ids as
// lowercase hex, enums as integers, 64-bit integers as decimal strings,
// empty optional parts (parent id, trace state, events, status...) omitted.
// Used by the http/json protocol and by the runtime's file exporter (one
// request per line).
#pragma once

#include <span>
#include <string>

#include "span_data.h"

namespace orch::rt {

// Replaces the contents of `out` with one request object holding `spans`
// (one line: no newline inside or at the end). Reuses out's capacity.
void encode_otlp_json(std::span<const SpanView> spans, const ResourceView &resource,
                      std::string &out);

}  // namespace orch::rt
