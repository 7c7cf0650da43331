#include "weave/call_span_weaver.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/QualTypeNames.h>
#include <clang/Basic/SourceManager.h>

#include "aspects/name_template.h"
#include "weave/exception_flow.h"
#include "weave/site_definition.h"

using namespace clang;

namespace orch {
namespace {

constexpr const char *kReturnKey = "orch.return.value";

// Whether a type can be named at the call as Clang prints it.
bool nameable(QualType type, const std::string &printed) {
  if (type->isDependentType() || type->isInstantiationDependentType()) return false;
  for (const char *unnamed : {"(anonymous", "(lambda", "(unnamed", "type-parameter-"})
    if (printed.find(unnamed) != std::string::npos) return false;
  const Type *inner = type.getNonReferenceType().getTypePtr();
  while (inner->isPointerType() || inner->isArrayType()) inner = inner->getPointeeOrArrayElementType();
  if (const TagDecl *tag = inner->getAsTagDecl()) {
    if (tag->getDeclContext()->isFunctionOrMethod()) return false;
    if (tag->getAccess() == AS_private || tag->getAccess() == AS_protected) return false;
  }
  return true;
}

bool forwardable_by_value(QualType type) {
  const CXXRecordDecl *rd = type->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return true;
  if (rd->needsImplicitMoveConstructor() || rd->needsImplicitCopyConstructor()) return true;
  for (const CXXConstructorDecl *ctor : rd->ctors())
    if (ctor->isCopyOrMoveConstructor() && !ctor->isDeleted()) return true;
  return false;
}

class CallSpanWeaver {
public:
  CallSpanWeaver(CallWeave &w, const SpanOptions &options)
      : w_(w), o_(options), ast_(w.wc.ast), sm_(ast_.getSourceManager()), policy_(ast_.getPrintingPolicy()),
        cplusplus_(ast_.getLangOpts().CPlusPlus), fd_(*w.call.callee),
        suffix_(std::to_string(w.syntax.line) + "_" + std::to_string(w.syntax.column) +
                (w.ordinal ? "_" + std::to_string(w.ordinal) : "")),
        span_("__orch_span_" + suffix_) {
    policy_.SuppressScope = false;
  }

  void weave() {
    if (w_.syntax.shape == CallSyntax::Shape::Constructor) return note("a span on a constructor call is not supported");
    if (w_.whole_call_taken) return note("another advice already rewrote the whole call (propagate-context with data:)");
    proto_ = fd_.getType()->getAs<FunctionProtoType>();
    if (!proto_) return note("the callee has no prototype");
    if (proto_->isVariadic()) return note("the callee is variadic: its '...' arguments cannot be passed on");
    written_ = w_.syntax.arguments.size();
    if (written_ > proto_->getNumParams()) return note("more arguments than parameters");
    if (cplusplus_ ? !weave_cxx() : !weave_c()) return;
    w_.woven = true;
  }

private:
  void note(const std::string &why) { w_.notes.push_back("span: not woven: " + why); }

  std::string print(QualType type, const std::string &placeholder = "") const {
    QualType q = cplusplus_ ? TypeName::getFullyQualifiedType(type, ast_, true) : type;
    std::string out;
    llvm::raw_string_ostream os(out);
    q.print(os, policy_, placeholder);
    return os.str();
  }
  std::string argument(unsigned i) const { return "__orch_a" + std::to_string(i); }

  SiteFields site() const {
    const FunctionFacts &callee = w_.call.facts.callee;
    std::string caller = w_.call.caller ? w_.call.caller->facts.qualified_name : "";
    // code.* name the call site: the calling function, the call's file and line.
    SiteFields site{suffix_, expand_template(o_.name, callee, w_.aspect.id, caller), o_.kind, caller,
                    w_.call.path, w_.syntax.line, {}};
    site.call = true;
    site.metrics = o_.metrics;
    site.metrics_only = o_.metrics_only;
    for (const auto &attr : o_.attributes)
      if (!attr.argument) site.static_attributes.emplace_back(attr.key, expand_template(attr.text, callee, w_.aspect.id, caller));
    return site;
  }

  // Parameter index for `{arg:N}` / `{arg:NAME}` / record-args, or -1 with a note.
  int parameter(const std::string &ref, const std::string &what) {
    int index = -1;
    if (!ref.empty() && std::all_of(ref.begin(), ref.end(), ::isdigit)) {
      index = std::stoi(ref);
    } else {
      for (unsigned i = 0; i < fd_.getNumParams(); ++i)
        if (fd_.getParamDecl(i)->getName() == ref) index = static_cast<int>(i);
    }
    if (index < 0 || static_cast<unsigned>(index) >= proto_->getNumParams()) {
      w_.notes.push_back(what + ": the callee has no parameter '" + ref + "'");
      return -1;
    }
    if (static_cast<unsigned>(index) >= written_) {
      w_.notes.push_back(what + ": argument " + ref + " is not written at this call (a default argument)");
      return -1;
    }
    return index;
  }

  // (key, parameter index) of the attributes read from arguments.
  std::vector<std::pair<std::string, unsigned>> recorded_arguments() {
    std::vector<std::pair<std::string, unsigned>> out;
    auto add = [&](const std::string &key, int i) {
      if (i < 0) return;
      ValueKind kind = classify_value(proto_->getParamType(i), ast_, w_.wc.custom_types);
      if (kind == ValueKind::Unsupported) {
        w_.notes.push_back("attribute '" + key + "': parameter of type '" + proto_->getParamType(i).getAsString(policy_) +
                           "' is not recordable");
        return;
      }
      out.emplace_back(key, static_cast<unsigned>(i));
    };
    for (const auto &attr : o_.attributes)
      if (attr.argument) add(attr.key, parameter(*attr.argument, "attribute '" + attr.key + "'"));
    auto arg_key = [&](unsigned i) {
      std::string name = i < fd_.getNumParams() ? fd_.getParamDecl(i)->getName().str() : "";
      return "arg." + (name.empty() ? std::to_string(i) : name);
    };
    if (o_.record_all_args)
      for (unsigned i = 0; i < written_; ++i) add(arg_key(i), static_cast<int>(i));
    for (const auto &ref : o_.record_args) {
      int i = parameter(ref, "record-args");
      if (i >= 0) add(arg_key(static_cast<unsigned>(i)), i);
    }
    return out;
  }

  // The return value, when record-return or a return check asks for it: a
  // cheap scalar (and an integer for checks), else a note and nothing.
  bool wants_return_value() {
    if (!o_.record_return && !o_.return_check) return false;
    QualType rt = proto_->getReturnType();
    ValueKind kind = classify_value(rt, ast_, w_.wc.custom_types);
    if (o_.return_check && !rt->isIntegralOrEnumerationType()) {
      w_.notes.push_back("return check: the return value of type '" + rt.getAsString(policy_) +
                         "' is not checked (an integer or enum is needed)");
      return false;
    }
    if (rt->isVoidType()) return false;
    if (rt->isReferenceType() || !is_cheap_scalar(kind)) {
      w_.notes.push_back("record-return: the return value of type '" + rt.getAsString(policy_) +
                         "' is not recorded (a cheap scalar is needed)");
      return false;
    }
    return true;
  }

  // The weave header's `return_error(failed, value)` for a return check.
  std::string failed_condition(const std::string &value) const {
    const ReturnCheck &c = *o_.return_check;
    std::string equal = "(" + value + ") == (" + c.value + ")";
    return (c.error_unless ? "!(" + equal + ")" : equal) + ", (int64_t)(" + value + ")";
  }

  bool weave_cxx() {
    if (!ast_.getLangOpts().CPlusPlus14) {
      note("a span on a call needs C++14 or later");
      return false;
    }
    const CallSyntax &s = w_.syntax;
    bool member = s.shape == CallSyntax::Shape::Member;
    const auto &ce = *cast<CallExpr>(w_.call.expr);
    if (member && s.arguments.size() > 0) {
      const auto *me = cast<MemberExpr>(ce.getCallee()->IgnoreImpCasts());
      bool args_have_effects = false;
      for (const Expr *arg : ce.arguments()) args_have_effects = args_have_effects || arg->HasSideEffects(ast_);
      if (me->getBase()->HasSideEffects(ast_) && args_have_effects) {
        note("the object and the arguments both have side effects; their order would not be kept");
        return false;
      }
    }
    std::string params = member ? "auto &&__orch_o" : "";
    std::string forwarded;
    for (unsigned i = 0; i < written_; ++i) {
      QualType p = proto_->getParamType(i);
      std::string spelled = print(p);
      std::string name = argument(i);
      if (!p->isReferenceType() && !forwardable_by_value(p)) {
        note("parameter " + std::to_string(i) + " of type '" + spelled + "' can be neither copied nor moved");
        return false;
      }
      std::string decl, pass;
      if (!nameable(p, spelled)) {
        decl = "auto &&" + name;
        pass = "static_cast<decltype(" + name + ") &&>(" + name + ")";
      } else {
        decl = print(p, name);
        pass = p->isLValueReferenceType() ? name : "static_cast<" + print(ast_.getRValueReferenceType(p.getNonReferenceType())) + ">(" + name + ")";
      }
      params += std::string(params.empty() ? "" : ", ") + decl;
      forwarded += std::string(forwarded.empty() ? "" : ", ") + pass;
    }
    bool value = wants_return_value();
    QualType rt = proto_->getReturnType();
    std::string call = (member ? "static_cast<decltype(__orch_o) &&>(__orch_o)" + s.member_text : "") + "(" + forwarded + ")";
    bool nothrow = proto_->isNothrow();
    bool with_try = o_.record_exceptions && ast_.getLangOpts().CXXExceptions && !nothrow;

    // Parenthesised, so that a call in a macro's argument stays one argument
    // (the preprocessor splits at commas outside parentheses, braces included).
    std::string head = std::string(w_.call.caller ? "([&]" : "([]") + "(" + params + ")" + (nothrow ? " noexcept" : "") +
                       " -> " + (value ? print(rt) : "decltype(auto)") + " { " + site_definition(site(), true) +
                       "::orch::weave::ScopedSpan " + span_ + "(&" + site_variable(suffix_) + "); ";
    for (const auto &[key, i] : recorded_arguments()) head += span_ + ".attr(" + c_string_literal(key) + ", " + argument(i) + "); ";
    if (with_try) head += "try { ";
    std::string open_value, close_value;
    if (value) {
      open_value = "auto __orch_r = ";
      close_value = "; ";
      if (o_.return_check) close_value += span_ + ".return_error(" + failed_condition("__orch_r") + "); ";
      if (o_.record_return) close_value += span_ + ".attr(" + c_string_literal(kReturnKey) + ", __orch_r); ";
      close_value += "return __orch_r;";
    } else {
      open_value = "return ";
      close_value = ";";
    }
    std::string tail = close_value + (with_try ? " } catch (...) { " + span_ + ".record_exception(); throw; }" : "") + " })";
    // The free shape leaves the callee as written in place, between head and call.
    if (member) {
      w_.edits.insert(s.begin, head + open_value + call + tail + "(");
      std::string dropped(sm_text().substr(s.object_end, s.open_paren + 1 - s.object_end));
      std::string kept_lines(std::count(dropped.begin(), dropped.end(), '\n'), '\n');
      w_.edits.replace(s.object_end, s.open_paren + 1 - s.object_end, (s.arguments.empty() ? "" : ", ") + kept_lines);
    } else {
      w_.edits.insert(s.callee_begin, head + open_value);
      w_.edits.insert(s.callee_end, call + tail);
    }
    return true;
  }

  bool weave_c() {
    if (!w_.call.caller) {
      note("a call outside a function");
      return false;
    }
    if (!sm_.isBeforeInTranslationUnit(fd_.getFirstDecl()->getLocation(), w_.definitions_at)) {
      note("the callee is declared after the start of the calling function's declaration");
      return false;
    }
    std::string params, forwarded;
    for (unsigned i = 0; i < written_; ++i) {
      params += std::string(params.empty() ? "" : ", ") + print(proto_->getParamType(i), argument(i));
      forwarded += std::string(forwarded.empty() ? "" : ", ") + argument(i);
    }
    std::string wrapper = "__orch_call_" + suffix_;
    QualType rt = proto_->getReturnType();
    bool value = wants_return_value();
    std::string body = site_definition(site(), false) + "__attribute__((cleanup(orch_w_end), unused)) orch_span " +
                       span_ + " = orch_w_start(&" + site_variable(suffix_) + "); ";
    auto attributes = recorded_arguments();
    if (!attributes.empty()) {
      body += "__attribute__((unused)) int __orch_attrs_" + suffix_ + " = ";
      for (size_t k = 0; k < attributes.size(); ++k) {
        const auto &[key, i] = attributes[k];
        ValueKind kind = classify_value(proto_->getParamType(i), ast_, w_.wc.custom_types);
        body += (k ? " + " : "") + c_attribute_call(key, kind, argument(i), span_);
      }
      body += "; ";
    }
    std::string call = (w_.callee_text.empty() ? fd_.getName().str() : w_.callee_text) + "(" + forwarded + ")";
    if (value) {
      body += print(rt, "__orch_r") + " = " + call + "; ";
      if (o_.return_check) body += "orch_w_return_error(&" + span_ + ", " + failed_condition("__orch_r") + "); ";
      if (o_.record_return) {
        ValueKind kind = classify_value(rt, ast_, w_.wc.custom_types);
        body += c_attribute_call(kReturnKey, kind, "__orch_r", span_) + "; ";
      }
      body += "return __orch_r; ";
    } else {
      body += std::string(rt->isVoidType() ? "" : "return ") + call + "; ";
    }
    w_.definitions += "static __inline__ " + print(rt, wrapper + "(" + (params.empty() ? "void" : params) + ")") +
                      " { " + body + "} ";
    w_.callee_text = wrapper;
    return true;
  }

  StringRef sm_text() const { return sm_.getBufferData(sm_.translateFile(w_.syntax.file)); }

  CallWeave &w_;
  const SpanOptions &o_;
  ASTContext &ast_;
  const SourceManager &sm_;
  PrintingPolicy policy_;
  bool cplusplus_;
  const FunctionDecl &fd_;
  const FunctionProtoType *proto_ = nullptr;
  unsigned written_ = 0;
  std::string suffix_, span_;
};

}  // namespace

void weave_call_span(CallWeave &w, const SpanOptions &options) { CallSpanWeaver(w, options).weave(); }

}  // namespace orch
