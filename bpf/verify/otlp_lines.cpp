#include "verify/otlp_lines.h"

#include <fstream>
#include <stdexcept>

namespace orch::verify {

using llvm::json::Array;
using llvm::json::Object;

void for_each_request(const std::string &path, const std::function<void(const Object &)> &each) {
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); number++) {
    if (line.empty())
      continue;
    llvm::Expected<llvm::json::Value> request = llvm::json::parse(line);
    if (!request)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + llvm::toString(request.takeError()));
    if (const Object *object = request->getAsObject())
      each(*object);
  }
}

const Array &array_or_empty(const Object *object, llvm::StringRef key) {
  static const Array empty;
  const Array *array = object ? object->getArray(key) : nullptr;
  return array ? *array : empty;
}

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

CodeAttributes code_attributes(const Object &holder) {
  CodeAttributes code;
  for (const llvm::json::Value &attribute : array_or_empty(&holder, "attributes")) {
    const Object *pair = attribute.getAsObject();
    auto key = pair ? pair->getString("key") : std::nullopt;
    const Object *value = pair ? pair->getObject("value") : nullptr;
    if (!key || !value)
      continue;
    if (*key == "code.function.name")
      code.function = value->getString("stringValue").value_or("").str();
    else if (*key == "code.file.path")
      code.file = value->getString("stringValue").value_or("").str();
    else if (*key == "code.line.number")
      code.line = static_cast<unsigned>(otlp_integer(value->get("intValue")));
  }
  return code;
}

} // namespace orch::verify
