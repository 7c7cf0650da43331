// The resource (who produced the spans) and the instrumentation scope.
//
// service.name, by precedence: OTEL_SERVICE_NAME; service.name in
// OTEL_RESOURCE_ATTRIBUTES; orch.yaml's `service` (handed over by weave.h
// through orch_set_default_service_name); ORCH_SERVICE_NAME;
// "unknown_service:<executable name>".
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

// orch.yaml's service name as handed over by the program, or nullptr. The
// first name set wins; it must be a string that lives as long as the program.
void set_baked_service_name(const char *name);
const char *baked_service_name();

// Parses OTEL_RESOURCE_ATTRIBUTES ("k=v,k2=v2", values percent-encoded).
// Returns false (and leaves `out` untouched) if any member is malformed: the
// spec says to discard the whole value then.
bool parse_resource_attributes(std::string_view text, std::vector<std::pair<std::string, std::string>> &out);

}  // namespace orch::rt
