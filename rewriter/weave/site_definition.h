// The static `orch_site` a span advice defines where it is woven (see
// orch/orch.h): span name, kind, code.* attributes, build-time attributes and
// what the runtime records (spans, metrics or both).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aspects/model.h"

namespace orch {

struct SiteFields {
  std::string suffix;  // names the generated variables: __orch_site_<suffix>
  std::string name;
  SpanKind kind = SpanKind::Internal;
  std::string function;  // code.function.name
  std::string path;      // code.file.path
  unsigned line = 0;     // code.line.number
  std::vector<std::pair<std::string, std::string>> static_attributes;
  bool call = false;          // a call site, not a function body
  bool metrics = true;        // `metrics: false` turns the call counts and durations off
  bool metrics_only = false;  // `metrics-only`: never a span
};

std::string site_variable(const std::string &suffix);
// The definitions, as statements on one line, each followed by a space.
std::string site_definition(const SiteFields &site, bool cplusplus);

}  // namespace orch
