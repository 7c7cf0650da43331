// The body of a successful OTLP/HTTP export: Export{Trace,Metrics}ServiceResponse,
// whose only field says whether the receiver refused part of the request
// (OTLP specification, "Partial Success"). Both signals' messages have the
// same shape: { int64 rejected_<items> = 1; string error_message = 2; }.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orch::rt {

struct PartialSuccess {
  uint64_t rejected = 0;       // spans or data points
  std::string error_message;  // may be set with rejected == 0 (a warning)
};

// An empty, absent or unreadable body means full success (all zero): the
// spec lets receivers omit the field, and a body we cannot read must not
// turn an accepted export into a loss.
PartialSuccess parse_partial_success_proto(std::string_view body);
// OTLP/JSON: {"partialSuccess": {"rejectedSpans": "3", "errorMessage": "..."}}
// (rejectedDataPoints for metrics); 64-bit integers as strings or numbers,
// snake_case keys accepted too.
PartialSuccess parse_partial_success_json(std::string_view body);

}  // namespace orch::rt
