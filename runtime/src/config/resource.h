// The resource (who produced the spans) and the instrumentation scope.
//
// service.name, by precedence: OTEL_SERVICE_NAME; service.name in
// OTEL_RESOURCE_ATTRIBUTES; the program's `orch_service_name` symbol (orch.yaml's
// `service`, defined by weave.h, found with dlsym when the program exports
// it); ORCH_SERVICE_NAME; "unknown_service:<executable name>".
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "config/env.h"
#include "span_data.h"

namespace orch::rt {

class Resource {
public:
  Resource(const EnvReader &env, const char *baked_service_name);
  ResourceView view() const;
  // Value of a string attribute, empty if absent (for tests and the console).
  std::string_view get(std::string_view key) const;

private:
  void set(std::string key, std::string value);
  void set(std::string key, int64_t value);

  std::deque<std::string> strings_;  // stable storage for the views
  std::vector<AttrView> attrs_;
};

// orch.yaml's service name baked into the program, or nullptr.
const char *baked_service_name();

// Parses OTEL_RESOURCE_ATTRIBUTES ("k=v,k2=v2", values percent-encoded).
// Returns false (and leaves `out` untouched) if any member is malformed: the
// spec says to discard the whole value then.
bool parse_resource_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>> &out);

}  // namespace orch::rt
