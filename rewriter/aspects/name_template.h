// Build-time templates used in span names and attribute values:
//   {qualified_name} {name} {class} {namespace} {file} {line} {kind} {aspect}
// and, for a call, {caller}; the others then describe the callee (file and
// line: the call site).
#pragma once

#include <string>

#include "match/shadow.h"

namespace orch {

// Returns the first placeholder that is not one of the above, or "".
std::string unknown_placeholder(const std::string &text);

std::string expand_template(const std::string &text, const FunctionFacts &facts, const std::string &aspect_id,
                            const std::string &caller = "");

}  // namespace orch
