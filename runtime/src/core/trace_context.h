// W3C Trace Context (https://www.w3.org/TR/trace-context/): traceparent
// parsing and formatting.
#pragma once

#include <cstddef>
#include <string_view>

#include "orch/orch.h"

namespace orch::rt {

constexpr size_t kTraceparentLength = 55;  // "00-" 32 "-" 16 "-" 2

// Valid means a non-zero trace id and a non-zero span id.
bool context_is_valid(const orch_span_context &ctx);
// Writes 55 chars (no NUL) for version 00.
void format_traceparent(const orch_span_context &ctx, char out[kTraceparentLength]);
// Accepts version 00 exactly and higher versions per the spec's forward
// compatibility rule (longer values with a '-' after the flags). Sets is_remote.
bool parse_traceparent(std::string_view value, orch_span_context &out);

}  // namespace orch::rt
