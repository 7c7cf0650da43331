// `function-call: {...}`: calls written in the project's code whose callee
// (declared anywhere, system headers and C libraries included) meets the
// conditions; `caller:` puts conditions on the function holding the call.
// `function-call: NAME` is short for `function-call: {qualified-name: NAME}`.
#include "match/join_points/kinds.h"
#include "match/join_points/function_conditions.h"

namespace orch {
namespace {

struct CallConditions {
  std::optional<Pattern> qualified_name, name, class_;
  std::vector<CallKind> kinds;                   // empty: any kind
  std::optional<std::vector<Pattern>> parameters;  // the callee's parameter types, one pattern each
};

std::string join(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

class FunctionCall final : public JoinPoint {
public:
  FunctionCall(SourceMark mark, CallConditions c, JoinPointPtr caller)
      : JoinPoint(std::move(mark)), c_(std::move(c)), caller_(std::move(caller)) {}

  ShadowKinds shadows() const override { return kCallShadows; }

  MatchResult evaluate(const Shadow &s) const override {
    const CallFacts &call = *s.call;
    for (MatchResult r : {check_name("callee", c_.qualified_name, call.callee.qualified_name),
                          check_name("callee name", c_.name, call.callee.name), check_class(call)})
      if (!r.matched) return r;
    if (!c_.kinds.empty()) {
      bool any = false;
      for (auto k : c_.kinds) any = any || k == call.kind;
      if (!any) return MatchResult::no(std::string("call kind '") + to_string(call.kind) + "' is not selected");
    }
    if (c_.parameters && !parameters_match(call))
      return MatchResult::no("parameters (" + join(call.parameter_types) + ") do not match");
    if (caller_) {
      if (!s.function) return MatchResult::no("a call at namespace scope has no caller");
      MatchResult r = orch::evaluate(*caller_, Shadow::body(*s.function));
      if (!r.matched) return MatchResult::no("caller " + s.function->qualified_name + ": " + r.reason);
    }
    return MatchResult::yes();
  }

  // The callee's name is written at the call (a constructor's class name, or
  // an alias declared in project code that names it); an operator call is
  // written as its operator only.
  bool may_match(const UnitSummary &unit) const override {
    bool operators = c_.kinds.empty();
    for (auto k : c_.kinds) operators = operators || k == CallKind::Operator;
    for (const auto *p : {&c_.qualified_name, &c_.name})
      if (*p && !(operators && (*p)->text().find("operator") != std::string::npos) && !last_word_may_match(**p, unit))
        return false;
    return !caller_ || caller_->may_match(unit);
  }

private:
  MatchResult check_class(const CallFacts &call) const {
    if (!c_.class_) return MatchResult::yes();
    if (class_matches(*c_.class_, call.callee.class_name)) return MatchResult::yes();
    for (const auto &cls : call.object_classes)
      if (class_matches(*c_.class_, cls)) return MatchResult::yes();
    return MatchResult::no(call.callee.class_name.empty()
                               ? "the callee is not a member of a class"
                               : "class '" + call.callee.class_name + "' does not match '" + c_.class_->text() + "'");
  }

  bool parameters_match(const CallFacts &call) const {
    if (c_.parameters->size() != call.parameter_types.size()) return false;
    for (size_t i = 0; i < call.parameter_types.size(); ++i)
      if (!(*c_.parameters)[i].matches(call.parameter_types[i])) return false;
    return true;
  }

  static bool last_word_may_match(const Pattern &p, const UnitSummary &unit) {
    const std::string &text = p.text();
    size_t sep = text.rfind("::");
    if (text.rfind("regex:", 0) == 0 || sep == std::string::npos) return name_may_match(p, unit);
    std::string error;
    return name_may_match(Pattern::parse(text.substr(sep + 2), Pattern::Flavor::Name, error), unit);
  }

  CallConditions c_;
  JoinPointPtr caller_;
};

JoinPointPtr parse_caller(const YamlReader &r, const YAML::Node &node) {
  r.expect_map(node, "caller");
  bool conditions = node.size() > 0;
  for (const auto &entry : node) conditions = conditions && FunctionConditions::is_key(entry.first.Scalar());
  if (conditions) return parse_function_body(r, node, r.mark(node));
  JoinPointPtr jp = parse_join_point(r, node);
  if (jp->shadows() != kBodyShadows)
    r.fail(node, "caller: takes function-body conditions (or a composition of them), not conditions on calls");
  return jp;
}

}  // namespace

JoinPointPtr parse_function_call(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  using F = Pattern::Flavor;
  CallConditions c;
  if (value.IsScalar()) {
    c.qualified_name = r.pattern(value, F::Name, "function-call");
    return std::make_unique<FunctionCall>(std::move(mark), std::move(c), nullptr);
  }
  r.expect_keys(value, {"qualified-name", "name", "class", "kind", "parameters", "caller"}, "function-call");
  if (auto n = value["qualified-name"]) c.qualified_name = r.pattern(n, F::Name, "qualified-name");
  if (auto n = value["name"]) c.name = r.pattern(n, F::Name, "name");
  if (auto n = value["class"]) c.class_ = r.pattern(n, F::Name, "class");
  if (auto n = value["kind"]) {
    for (const auto &item : YamlReader::one_or_list(n)) {
      auto kind = call_kind_from_string(r.scalar(item, "kind"));
      if (!kind) r.fail(item, "unknown call kind '" + item.Scalar() + "' (expected function, method, constructor or operator)");
      c.kinds.push_back(*kind);
    }
  }
  if (auto n = value["parameters"]) {
    if (!n.IsSequence()) r.fail(n, "parameters must be a list of type patterns, one per parameter");
    c.parameters.emplace();
    for (const auto &item : n) c.parameters->push_back(r.pattern(item, F::Name, "parameter type"));
  }
  JoinPointPtr caller = value["caller"] ? parse_caller(r, value["caller"]) : nullptr;
  if (!c.qualified_name && !c.name && !c.class_)
    r.fail(value, "function-call needs the callee: qualified-name, name or class");
  return std::make_unique<FunctionCall>(std::move(mark), std::move(c), std::move(caller));
}

}  // namespace orch
