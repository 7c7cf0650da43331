#include "weave/span_weaver.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include "aspects/name_template.h"
#include "weave/exception_flow.h"
#include "weave/site_definition.h"

using namespace clang;

namespace orch {
namespace {

constexpr const char *kReturnKey = "orch.return.value";
constexpr unsigned kRecordedPackElements = 8;

struct RuntimeAttribute {
  std::string key;
  const ParmVarDecl *param;
  ValueKind kind;
};

// `return` statements of one function, not of lambdas or local classes in it.
class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitReturnStmt(ReturnStmt *r) {
    returns.push_back(r);
    return true;
  }
  std::vector<const ReturnStmt *> returns;
};

const ParmVarDecl *find_param(const FunctionDecl &fd, const std::string &ref) {
  if (!ref.empty() && std::all_of(ref.begin(), ref.end(), ::isdigit)) {
    unsigned i = std::stoul(ref);
    return i < fd.getNumParams() ? fd.getParamDecl(i) : nullptr;
  }
  for (const ParmVarDecl *p : fd.parameters())
    if (p->getName() == ref) return p;
  return nullptr;
}

// Whether a `return x;` names a local variable: an NRVO candidate. GCC does not
// elide the copy of a variable declared inside a try block (it moves it), so
// for GCC such a body must not be wrapped in one.
bool returns_named_local(const CompoundStmt *body) {
  ReturnCollector collector;
  collector.TraverseStmt(const_cast<CompoundStmt *>(body));
  for (const ReturnStmt *r : collector.returns) {
    if (r->getNRVOCandidate()) return true;
    const Expr *e = r->getRetValue();
    const auto *ref = e ? dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()) : nullptr;
    const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    if (var && var->hasLocalStorage() && !isa<ParmVarDecl>(var) && !var->getType()->isScalarType()) return true;
  }
  return false;
}

class SpanWeaver {
public:
  SpanWeaver(BodyWeave &w, const SpanOptions &advice)
      : fn_(w.fn), aspect_(w.aspect), advice_(advice), wc_(w.wc), ast_(w.wc.ast), sm_(ast_.getSourceManager()),
        notes_(w.notes), cplusplus_(ast_.getLangOpts().CPlusPlus), suffix_(name_suffix(w.ordinal)),
        site_(site_variable(suffix_)), attrs_("__orch_attrs_" + suffix_), span_("__orch_span_" + suffix_) {}

  void weave(EditList &edits) {
    collect_runtime_attributes();
    bool record_exceptions = cplusplus_ && ast_.getLangOpts().CXXExceptions && advice_.record_exceptions &&
                             function_can_throw(*fn_.decl, ast_) && body_can_throw(*fn_.decl, fn_.body, ast_);
    bool with_try = record_exceptions && (wc_.elides_named_return_in_try || !returns_named_local(fn_.body));
    if (record_exceptions && !with_try)
      notes_.push_back("returns a named local (NRVO, which GCC gives up in a try block): exceptions set status "
                       "ERROR without their type");
    size_t open = sm_.getFileOffset(fn_.body->getLBracLoc()) + 1;
    size_t close = sm_.getFileOffset(fn_.body->getRBracLoc());
    // What leaves a function-try-block is decided by its handlers: the span
    // encloses them, the function-try-block becoming a try statement in a body.
    const auto *function_try = dyn_cast<CXXTryStmt>(fn_.decl->getBody());
    const bool enclose_handlers = function_try && !isa<CXXConstructorDecl, CXXDestructorDecl>(fn_.decl);
    if (enclose_handlers) {
      open = sm_.getFileOffset(function_try->getTryLoc());
      close = sm_.getFileOffset(function_try->getEndLoc()) + 1;
    }
    edits.insert(open, std::string(enclose_handlers ? "{" : "") + " " + site_definition() +
                           span_definition(record_exceptions && !with_try) + (with_try ? "try { " : ""));
    if (advice_.record_return) weave_returns(edits);
    if (with_try) edits.insert(close, " } catch (...) { " + span_ + ".record_exception(); throw; } ");
    if (enclose_handlers) edits.insert(close, "}");
  }

private:
  std::string name_suffix(unsigned ordinal) const {
    SourceLocation brace = fn_.body->getLBracLoc();
    return std::to_string(sm_.getSpellingLineNumber(brace)) + "_" + std::to_string(sm_.getSpellingColumnNumber(brace)) +
           (ordinal ? "_" + std::to_string(ordinal) : "");
  }

  void add_runtime_attribute(const std::string &key, const ParmVarDecl *param) {
    std::string name(param->getName());
    if (name.empty()) {
      notes_.push_back("attribute '" + key + "': the parameter has no name");
      return;
    }
    if (wc_.warns_unused_parameters && !param->isReferenced() && !param->hasAttr<UnusedAttr>()) {
      notes_.push_back("attribute '" + key + "': parameter '" + name +
                       "' is unused: not recorded, so that -Wunused-parameter still says so");
      return;
    }
    ValueKind kind = classify_value(param->getType(), ast_, wc_.custom_types);
    if (kind == ValueKind::Unsupported) {
      notes_.push_back("attribute '" + key + "': parameter '" + name + "' of type '" +
                       param->getType().getAsString() +
                       "' is not recordable (integers, floating point, bool, enums, char pointers, "
                       "std::string(_view), or a type with orch_attribute_value())");
      return;
    }
    if (param->isParameterPack())
      notes_.push_back("attribute '" + key + "': parameter pack '" + name + "': its first " +
                       std::to_string(kRecordedPackElements) + " elements recorded as '" + key +
                       ".0', '" + key + ".1'... where their instantiated types are recordable");
    else if (kind == ValueKind::Dependent)
      notes_.push_back("attribute '" + key + "': parameter '" + name +
                       "' has a template-dependent type; recorded where the instantiated type is recordable");
    runtime_attrs_.push_back({key, param, kind});
  }

  void collect_runtime_attributes() {
    const FunctionDecl &fd = *fn_.decl;
    for (const auto &attr : advice_.attributes) {
      if (!attr.argument) continue;
      if (const ParmVarDecl *p = find_param(fd, *attr.argument))
        add_runtime_attribute(attr.key, p);
      else
        notes_.push_back("attribute '" + attr.key + "': no parameter '" + *attr.argument + "'");
    }
    if (advice_.record_all_args) {
      for (const ParmVarDecl *p : fd.parameters())
        if (!p->getName().empty()) add_runtime_attribute("arg." + p->getName().str(), p);
    }
    for (const auto &name : advice_.record_args) {
      if (const ParmVarDecl *p = find_param(fd, name))
        add_runtime_attribute("arg." + p->getName().str(), p);
      else
        notes_.push_back("record-args: no parameter '" + name + "'");
    }
  }

  std::string site_definition() {
    SiteFields site{suffix_, expand_template(advice_.name, fn_.facts, aspect_.id), advice_.kind,
                    fn_.facts.qualified_name, fn_.path, fn_.facts.line, {}};
    site.metrics = advice_.metrics;
    site.metrics_only = advice_.metrics_only;
    for (const auto &attr : advice_.attributes)
      if (!attr.argument) site.static_attributes.emplace_back(attr.key, expand_template(attr.text, fn_.facts, aspect_.id));
    if (const Directive *d = fn_.facts.directive("orch:span"))
      for (const auto &kv : d->attributes) site.static_attributes.push_back(kv);
    return orch::site_definition(site, cplusplus_);
  }

  std::string span_definition(bool detect_unwinding) {
    if (cplusplus_) {
      std::string out = std::string(detect_unwinding ? "::orch::weave::UnwindAwareSpan " : "::orch::weave::ScopedSpan ") +
                        span_ + "(&" + site_ + "); ";
      for (const auto &a : runtime_attrs_) {
        const std::string name = a.param->getName().str();
        if (!a.param->isParameterPack()) {
          out += span_ + ".attr(" + c_string_literal(a.key) + ", " + name + "); ";
          continue;
        }
        const std::string keys = span_ + "_keys_" + name;
        out += "static const char *const " + keys + "[] = {";
        for (unsigned i = 0; i < kRecordedPackElements; ++i)
          out += (i ? ", " : "") + c_string_literal(a.key + "." + std::to_string(i));
        out += "}; " + span_ + ".attr_pack(" + keys + ", " + name + "...); ";
      }
      return out;
    }
    // C: declarations only, so that -Wdeclaration-after-statement stays quiet.
    std::string out = "__attribute__((cleanup(orch_w_end), unused)) orch_span " + span_ + " = orch_w_start(&" +
                      site_ + "); ";
    if (!runtime_attrs_.empty()) {
      out += "__attribute__((unused)) int " + attrs_ + " = ";
      for (size_t i = 0; i < runtime_attrs_.size(); ++i)
        out += (i ? " + " : "") + c_attribute_call(runtime_attrs_[i].key, runtime_attrs_[i].kind, runtime_attrs_[i].param->getName().str(), span_);
      out += "; ";
    }
    return out;
  }

  // The function's own return statements, a function-try-block's handlers included.
  static std::vector<const ReturnStmt *> returns_of(const FunctionDecl &fd) {
    ReturnCollector collector;
    collector.TraverseStmt(fd.getBody());
    return collector.returns;
  }

  // A return type that depends on a template parameter is recorded when every
  // instantiation of the template in this unit (the only code this rewrite is
  // compiled into) returns a cheap scalar, and the instantiations' return
  // statements are the template's. Marks the returns whose value converts
  // from a class type in some instantiation. Empty, or why not.
  std::string why_instantiations_differ(const std::vector<const ReturnStmt *> &returns,
                                        std::vector<bool> &converted_from_class) const {
    const FunctionTemplateDecl *tmpl = fn_.decl->getDescribedFunctionTemplate();
    if (!tmpl) return "of an enclosing class template (not recorded)";
    if (tmpl->specializations().empty()) return "and the template is not instantiated in this unit";
    for (const FunctionDecl *instance : tmpl->specializations()) {
      QualType type = instance->getReturnType();
      if (!is_cheap_scalar(classify_value(type, ast_, wc_.custom_types)))
        return "and an instantiation returns '" + type.getAsString() + "', not a cheap scalar";
      if (!instance->getBody()) continue;
      std::vector<const ReturnStmt *> instantiated = returns_of(*instance);
      if (instantiated.size() != returns.size())
        return "and an instantiation has other return statements than the template (if constexpr)";
      for (size_t i = 0; i < returns.size(); ++i) {
        const Expr *e = instantiated[i]->getRetValue();
        if (e && !e->IgnoreImpCasts()->getType()->isScalarType()) converted_from_class[i] = true;
      }
    }
    return "";
  }

  // `return E;` -> `return P.ret(key, (E));` (C++) or a typed pass-through (C),
  // for cheap scalar return types only.
  void weave_returns(EditList &edits) {
    const FunctionDecl &fd = *fn_.decl;
    QualType rt = fd.getReturnType();
    if (rt->isVoidType()) return;
    if (rt->getContainedAutoType() || rt->isReferenceType()) {
      notes_.push_back("record-return: deduced or reference return type is not recorded");
      return;
    }
    ValueKind kind = classify_value(rt, ast_, wc_.custom_types);
    std::vector<const ReturnStmt *> returns = returns_of(fd);
    std::vector<bool> converted_from_class(returns.size(), false);
    if (kind == ValueKind::Dependent) {
      if (std::string why = why_instantiations_differ(returns, converted_from_class); !why.empty()) {
        notes_.push_back("record-return: return type '" + rt.getAsString() + "' depends on a template parameter, " + why);
        return;
      }
    } else if (!is_cheap_scalar(kind)) {
      notes_.push_back("record-return: return type '" + rt.getAsString() + "' is not a cheap scalar");
      return;
    }
    for (size_t i = 0; i < returns.size(); ++i) {
      const ReturnStmt *r = returns[i];
      const Expr *e = r->getRetValue();
      if (!e || isa<InitListExpr>(e->IgnoreImplicit())) continue;
      SourceLocation b = e->getBeginLoc(), end = e->getEndLoc();
      if (b.isMacroID() || end.isMacroID()) {
        notes_.push_back("record-return: a return value written by a macro is not recorded");
        continue;
      }
      QualType written = e->IgnoreImpCasts()->getType();
      if (converted_from_class[i] ||
          (cplusplus_ && !written->isDependentType() && !written->isScalarType() && !written->isArrayType())) {
        notes_.push_back("record-return: a return value converted from a class type is not recorded");
        continue;
      }
      if (rt->isPointerType() && !written->isPointerType() && !written->isArrayType())
        continue;  // a null pointer constant (0, NULL, nullptr): only its conversion makes it a pointer
      size_t begin_off = sm_.getFileOffset(b);
      size_t end_off = sm_.getFileOffset(Lexer::getLocForEndOfToken(end, 0, sm_, ast_.getLangOpts()));
      std::string key = c_string_literal(kReturnKey);
      if (cplusplus_) {
        edits.insert(begin_off, span_ + ".ret(" + key + ", (");
        edits.insert(end_off, "))");
      } else {
        std::string fn = kind == ValueKind::Floating ? "orch_w_ret_f64"
                         : kind == ValueKind::CString ? "orch_w_ret_cstr"
                         : rt->isUnsignedIntegerType() ? "orch_w_ret_u64" : "orch_w_ret_i64";
        std::string value_cast = kind == ValueKind::Bool ? "!!(" : "(";
        edits.insert(begin_off, "(" + rt.getAsString() + ")" + fn + "(&" + span_ + ", " + key + ", " + value_cast);
        edits.insert(end_off, "))");
      }
    }
  }

  const Candidate &fn_;
  const Aspect &aspect_;
  const SpanOptions &advice_;
  const WeaveContext &wc_;
  ASTContext &ast_;
  const SourceManager &sm_;
  std::vector<std::string> &notes_;
  bool cplusplus_;
  std::string suffix_, site_, attrs_, span_;
  std::vector<RuntimeAttribute> runtime_attrs_;
};

}  // namespace

void weave_span(BodyWeave &w, const SpanOptions &options) { SpanWeaver(w, options).weave(w.edits); }

}  // namespace orch
