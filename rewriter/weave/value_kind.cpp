#include "weave/value_kind.h"

#include "weave/edits.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

using namespace clang;

namespace orch {
namespace {

bool is_std_string(QualType type) {
  const auto *rd = type->getAsCXXRecordDecl();
  if (!rd || !rd->isInStdNamespace()) return false;
  const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(rd);
  if (!spec || (rd->getName() != "basic_string" && rd->getName() != "basic_string_view")) return false;
  const TemplateArgumentList &args = spec->getTemplateArgs();
  return args.size() > 0 && args[0].getKind() == TemplateArgument::Type && args[0].getAsType()->isCharType();
}

}  // namespace

ValueKind classify_value(QualType type, const ASTContext &ctx, const CustomValueTypes &custom) {
  QualType t = type.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (t->isDependentType()) return ValueKind::Dependent;
  if (t->isBooleanType()) return ValueKind::Bool;
  if (t->isEnumeralType() || t->isIntegerType()) return ValueKind::Integer;
  if (t->isRealFloatingType()) return ValueKind::Floating;
  if (const auto *ptr = t->getAs<PointerType>(); ptr && ptr->getPointeeType()->isCharType()) return ValueKind::CString;
  if (ctx.getLangOpts().CPlusPlus) {
    if (is_std_string(t)) return ValueKind::String;
    if (custom.count(t.getTypePtr())) return ValueKind::Custom;
  }
  return ValueKind::Unsupported;
}

bool is_cheap_scalar(ValueKind kind) {
  return kind == ValueKind::Integer || kind == ValueKind::Floating || kind == ValueKind::Bool ||
         kind == ValueKind::CString;
}

std::string c_attribute_call(const std::string &key, ValueKind kind, const std::string &value, const std::string &span) {
  std::string head = "(&" + span + ", " + c_string_literal(key) + ", ";
  switch (kind) {
  case ValueKind::Bool: return "orch_w_attr_bool" + head + "(" + value + ") ? 1 : 0)";
  case ValueKind::Floating: return "orch_w_attr_f64" + head + "(double)(" + value + "))";
  case ValueKind::CString: return "orch_w_attr_cstr" + head + value + ")";
  default: return "orch_w_attr_i64" + head + "(int64_t)(" + value + "))";
  }
}

}  // namespace orch
