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

}  // namespace orch
