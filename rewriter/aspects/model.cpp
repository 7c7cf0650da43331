#include "aspects/model.h"

#include <filesystem>

namespace orch {

const char *to_string(FunctionKind kind) {
  switch (kind) {
  case FunctionKind::Function: return "function";
  case FunctionKind::Method: return "method";
  case FunctionKind::Constructor: return "constructor";
  case FunctionKind::Destructor: return "destructor";
  case FunctionKind::Lambda: return "lambda";
  }
  return "function";
}

std::optional<FunctionKind> function_kind_from_string(const std::string &name) {
  for (auto kind : {FunctionKind::Function, FunctionKind::Method, FunctionKind::Constructor,
                    FunctionKind::Destructor, FunctionKind::Lambda})
    if (name == to_string(kind)) return kind;
  return std::nullopt;
}

const char *to_string(CallKind kind) {
  switch (kind) {
  case CallKind::Function: return "function";
  case CallKind::Method: return "method";
  case CallKind::Constructor: return "constructor";
  case CallKind::Operator: return "operator";
  }
  return "function";
}

std::optional<CallKind> call_kind_from_string(const std::string &name) {
  for (auto kind : {CallKind::Function, CallKind::Method, CallKind::Constructor, CallKind::Operator})
    if (name == to_string(kind)) return kind;
  return std::nullopt;
}

std::string Config::relative_to_root(const std::string &path) const {
  std::filesystem::path rel = std::filesystem::path(path).lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return "";
  return rel.generic_string();
}

bool Config::excludes(const std::string &path) const {
  std::string rel = relative_to_root(path);
  if (rel.empty()) return false;
  for (const auto &pattern : exclude)
    if (pattern.matches(rel)) return true;
  return false;
}

std::optional<SpanKind> span_kind_from_string(const std::string &name) {
  if (name == "internal") return SpanKind::Internal;
  if (name == "server") return SpanKind::Server;
  if (name == "client") return SpanKind::Client;
  if (name == "producer") return SpanKind::Producer;
  if (name == "consumer") return SpanKind::Consumer;
  return std::nullopt;
}

}  // namespace orch
