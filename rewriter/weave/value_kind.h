// Which values orch can record as span attributes, decided from their type.
#pragma once

#include <set>
#include <string>

#include <clang/AST/Type.h>

namespace clang { class ASTContext; }

namespace orch {

enum class ValueKind {
  Integer,      // integers and enums
  Floating,
  Bool,
  CString,      // char pointers (null-safe)
  String,       // std::string, std::string_view (C++)
  Custom,       // a type with orch_attribute_value(const T&) in the unit (C++)
  Dependent,    // a template parameter: decided per instantiation (C++)
  Unsupported,
};

// Canonical types that have an `orch_attribute_value(const T&)` in the unit.
using CustomValueTypes = std::set<const clang::Type *>;

ValueKind classify_value(clang::QualType type, const clang::ASTContext &ctx, const CustomValueTypes &custom);
bool is_cheap_scalar(ValueKind kind);

// C: the weave header's call that records `value` (an expression of that kind)
// as attribute `key` of the span variable `span`.
std::string c_attribute_call(const std::string &key, ValueKind kind, const std::string &value, const std::string &span);

}  // namespace orch
