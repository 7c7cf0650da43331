// Text the console exporters (spans, metrics) share.
#pragma once

#include <string>

#include "span_data.h"

namespace orch::rt {

// An attribute's value as the console shows it: strings quoted, numbers and
// booleans as they are.
void append_attribute_value(std::string &line, const AttrView &a);

}  // namespace orch::rt
