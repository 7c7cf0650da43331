#include "aspects/model.h"

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

std::optional<SpanKind> span_kind_from_string(const std::string &name) {
  if (name == "internal") return SpanKind::Internal;
  if (name == "server") return SpanKind::Server;
  if (name == "client") return SpanKind::Client;
  if (name == "producer") return SpanKind::Producer;
  if (name == "consumer") return SpanKind::Consumer;
  return std::nullopt;
}

}  // namespace orch
