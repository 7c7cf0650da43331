// The body of a successful OTLP/HTTP export: ExportTraceServiceResponse,
// whose only field says whether the receiver refused part of the request
// (OTLP specification, "Partial Success").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orch::rt {

struct PartialSuccess {
  uint64_t rejected_spans = 0;
  std::string error_message;  // may be set with rejected_spans == 0 (a warning)
};

// An empty, absent or unreadable body means full success (all zero): the
// spec lets receivers omit the field, and a body we cannot read must not
// turn an accepted export into a loss.
PartialSuccess parse_partial_success_proto(std::string_view body);
// OTLP/JSON: {"partialSuccess": {"rejectedSpans": "3", "errorMessage": "..."}};
// 64-bit integers as strings or numbers, snake_case keys accepted too.
PartialSuccess parse_partial_success_json(std::string_view body);

}  // namespace orch::rt
