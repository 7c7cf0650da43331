#include "verify/span_file.h"

#include "verify/otlp_lines.h"

namespace orch::verify {

std::vector<SpanRecord> read_span_file(const std::string &path) {
  std::vector<SpanRecord> spans;
  for_each_request(path, [&](const llvm::json::Object &request) {
    for (const auto &resource : array_or_empty(&request, "resourceSpans"))
      for (const auto &scope : array_or_empty(resource.getAsObject(), "scopeSpans"))
        for (const auto &span : array_or_empty(scope.getAsObject(), "spans")) {
          const llvm::json::Object *object = span.getAsObject();
          if (!object)
            continue;
          CodeAttributes code = code_attributes(*object);
          uint64_t start = otlp_integer(object->get("startTimeUnixNano"));
          uint64_t end = otlp_integer(object->get("endTimeUnixNano"));
          spans.push_back({code.function, code.file, code.line, end > start ? end - start : 0});
        }
  });
  return spans;
}

} // namespace orch::verify
