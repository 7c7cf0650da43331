#include "aspects/join_point.h"

namespace orch {

const Directive *FunctionFacts::directive(const std::string &name) const {
  for (const auto &d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

namespace {

MatchResult yes() { return {true, ""}; }
MatchResult no(std::string reason) { return {false, std::move(reason)}; }

MatchResult check(const char *what, const std::optional<Pattern> &pattern, const std::string &value) {
  if (!pattern || pattern->matches(value)) return yes();
  return no(std::string(what) + " '" + value + "' does not match '" + pattern->text() + "'");
}

// `namespace: X` holds inside X and inside namespaces nested in X.
MatchResult check_namespace(const std::optional<Pattern> &pattern, const std::string &ns) {
  if (!pattern) return yes();
  for (size_t end = ns.size();; end = ns.rfind("::", end - 1)) {
    if (pattern->matches(ns.substr(0, end))) return yes();
    if (end == 0 || end == std::string::npos) break;
  }
  return no("namespace '" + ns + "' is not inside '" + pattern->text() + "'");
}

// `class: X` is tried on the qualified and on the plain class name.
MatchResult check_class(const std::optional<Pattern> &pattern, const std::string &cls) {
  if (!pattern) return yes();
  size_t sep = cls.rfind("::");
  std::string plain = sep == std::string::npos ? cls : cls.substr(sep + 2);
  if (!cls.empty() && (pattern->matches(cls) || pattern->matches(plain))) return yes();
  return no(cls.empty() ? "not a member of a class" : "class '" + cls + "' does not match '" + pattern->text() + "'");
}

MatchResult evaluate_function_body(const FunctionBodyJoinPoint &fb, const FunctionFacts &f) {
  for (MatchResult r : {check("qualified name", fb.qualified_name, f.qualified_name), check("name", fb.name, f.name),
                        check_namespace(fb.namespace_, f.namespace_), check_class(fb.class_, f.class_name),
                        check("file", fb.file, f.file)})
    if (!r.matched) return r;
  if (!fb.kinds.empty()) {
    bool any = false;
    for (auto k : fb.kinds) any = any || k == f.kind;
    if (!any) return no(std::string("kind '") + to_string(f.kind) + "' is not selected");
  }
  if (fb.min_statements && f.statements < *fb.min_statements)
    return no(std::to_string(f.statements) + " statement(s), fewer than min-statements " +
              std::to_string(*fb.min_statements));
  return yes();
}

}  // namespace

MatchResult evaluate(const JoinPoint &jp, const FunctionFacts &facts) {
  switch (jp.type) {
  case JoinPoint::Type::FunctionBody:
    return evaluate_function_body(jp.function_body, facts);
  case JoinPoint::Type::Directive:
    return facts.directive(jp.directive.name) ? yes() : no("no '// " + jp.directive.name + "' directive");
  case JoinPoint::Type::AllOf:
    for (const auto &child : jp.children) {
      MatchResult r = evaluate(*child, facts);
      if (!r.matched) return r;
    }
    return yes();
  case JoinPoint::Type::OneOf: {
    std::string reasons;
    for (const auto &child : jp.children) {
      MatchResult r = evaluate(*child, facts);
      if (r.matched) return r;
      reasons += (reasons.empty() ? "" : "; ") + r.reason;
    }
    return no("none of one-of matched (" + reasons + ")");
  }
  case JoinPoint::Type::Not: {
    MatchResult r = evaluate(*jp.children.front(), facts);
    return r.matched ? no("excluded by 'not' at " + jp.mark.str()) : yes();
  }
  }
  return no("unknown join point");
}

}  // namespace orch
