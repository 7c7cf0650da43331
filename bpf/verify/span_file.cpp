#include "verify/span_file.h"

#include <llvm/Support/JSON.h>

#include <fstream>
#include <stdexcept>

namespace orch::verify {

namespace {

using llvm::json::Array;
using llvm::json::Object;

const Array &array_or_empty(const Object *object, llvm::StringRef key) {
  static const Array empty;
  const Array *array = object ? object->getArray(key) : nullptr;
  return array ? *array : empty;
}

// int64 values are strings in OTLP/JSON ("123"), but accept numbers too.
uint64_t otlp_integer(const llvm::json::Value *value) {
  if (!value)
    return 0;
  if (auto number = value->getAsInteger())
    return static_cast<uint64_t>(*number);
  if (auto text = value->getAsString()) {
    uint64_t result = 0;
    if (!text->getAsInteger(10, result))
      return result;
  }
  return 0;
}

SpanRecord span_record(const Object &span) {
  SpanRecord record;
  uint64_t start = otlp_integer(span.get("startTimeUnixNano"));
  uint64_t end = otlp_integer(span.get("endTimeUnixNano"));
  record.duration_ns = end > start ? end - start : 0;
  for (const llvm::json::Value &attribute : array_or_empty(&span, "attributes")) {
    const Object *pair = attribute.getAsObject();
    auto key = pair ? pair->getString("key") : std::nullopt;
    const Object *value = pair ? pair->getObject("value") : nullptr;
    if (!key || !value)
      continue;
    if (*key == "code.file.path")
      record.file = value->getString("stringValue").value_or("").str();
    else if (*key == "code.line.number")
      record.line = static_cast<unsigned>(otlp_integer(value->get("intValue")));
  }
  return record;
}

} // namespace

std::vector<SpanRecord> read_span_file(const std::string &path) {
  std::vector<SpanRecord> spans;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); number++) {
    if (line.empty())
      continue;
    llvm::Expected<llvm::json::Value> request = llvm::json::parse(line);
    if (!request)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + llvm::toString(request.takeError()));
    for (const auto &resource : array_or_empty(request->getAsObject(), "resourceSpans"))
      for (const auto &scope : array_or_empty(resource.getAsObject(), "scopeSpans"))
        for (const auto &span : array_or_empty(scope.getAsObject(), "spans"))
          if (const Object *object = span.getAsObject())
            spans.push_back(span_record(*object));
  }
  return spans;
}

} // namespace orch::verify
