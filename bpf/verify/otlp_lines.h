// Reading the runtime's `file` exporters' output: one OTLP/JSON request per
// line (metrics: metric_file.h).
#pragma once

#include <llvm/Support/JSON.h>

#include <cstdint>
#include <functional>
#include <string>

namespace orch::verify {

// Calls `each` with every non-empty line's request object; a missing file has
// none. Throws std::runtime_error naming the file and line for malformed JSON.
void for_each_request(const std::string &path, const std::function<void(const llvm::json::Object &)> &each);

const llvm::json::Array &array_or_empty(const llvm::json::Object *object, llvm::StringRef key);

// int64 values are strings in OTLP/JSON ("123"); numbers are accepted too.
uint64_t otlp_integer(const llvm::json::Value *value);

// A data point's code.* attributes ("" and 0 when absent).
struct CodeAttributes {
  std::string function; // code.function.name
  std::string file;     // code.file.path
  unsigned line = 0;    // code.line.number
};
CodeAttributes code_attributes(const llvm::json::Object &holder);

} // namespace orch::verify
