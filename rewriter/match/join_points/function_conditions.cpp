#include "match/join_points/function_conditions.h"

namespace orch {

namespace {
constexpr const char *kKeys[] = {"qualified-name", "name", "namespace", "class", "file", "kind", "min-statements"};
}

bool FunctionConditions::is_key(const std::string &key) {
  for (const char *k : kKeys)
    if (key == k) return true;
  return false;
}

FunctionConditions FunctionConditions::parse(const YamlReader &r, const YAML::Node &node, const std::string &what) {
  r.expect_keys(node, {"qualified-name", "name", "namespace", "class", "file", "kind", "min-statements"}, what);
  FunctionConditions fc;
  using F = Pattern::Flavor;
  if (auto n = node["qualified-name"]) fc.qualified_name = r.pattern(n, F::Name, "qualified-name");
  if (auto n = node["name"]) fc.name = r.pattern(n, F::Name, "name");
  if (auto n = node["namespace"]) fc.namespace_ = r.pattern(n, F::Name, "namespace");
  if (auto n = node["class"]) fc.class_ = r.pattern(n, F::Name, "class");
  if (auto n = node["file"]) fc.file = r.pattern(n, F::Path, "file");
  if (auto n = node["kind"]) {
    for (const auto &item : YamlReader::one_or_list(n)) {
      auto kind = function_kind_from_string(r.scalar(item, "kind"));
      if (!kind)
        r.fail(item, "unknown kind '" + item.Scalar() +
                         "' (expected function, method, constructor, destructor or lambda)");
      fc.kinds.push_back(*kind);
    }
  }
  if (auto n = node["min-statements"]) fc.min_statements = r.integer(n, "min-statements");
  return fc;
}

MatchResult check_name(const char *what, const std::optional<Pattern> &pattern, const std::string &value) {
  if (!pattern || pattern->matches(value)) return MatchResult::yes();
  return MatchResult::no(std::string(what) + " '" + value + "' does not match '" + pattern->text() + "'");
}

MatchResult check_namespace(const std::optional<Pattern> &pattern, const std::string &ns) {
  if (!pattern) return MatchResult::yes();
  for (size_t end = ns.size();; end = ns.rfind("::", end - 1)) {
    if (pattern->matches(ns.substr(0, end))) return MatchResult::yes();
    if (end == 0 || end == std::string::npos) break;
  }
  return MatchResult::no("namespace '" + ns + "' is not inside '" + pattern->text() + "'");
}

bool class_matches(const Pattern &pattern, const std::string &cls) {
  size_t sep = cls.rfind("::");
  std::string plain = sep == std::string::npos ? cls : cls.substr(sep + 2);
  return !cls.empty() && (pattern.matches(cls) || pattern.matches(plain));
}

MatchResult FunctionConditions::check(const FunctionFacts &f) const {
  MatchResult by_class = !class_ || class_matches(*class_, f.class_name)
                             ? MatchResult::yes()
                             : MatchResult::no(f.class_name.empty() ? "not a member of a class"
                                                                    : "class '" + f.class_name +
                                                                          "' does not match '" + class_->text() + "'");
  for (MatchResult r : {check_name("qualified name", qualified_name, f.qualified_name), check_name("name", name, f.name),
                        check_namespace(namespace_, f.namespace_), by_class, check_name("file", file, f.file)})
    if (!r.matched) return r;
  if (!kinds.empty()) {
    bool any = false;
    for (auto k : kinds) any = any || k == f.kind;
    if (!any) return MatchResult::no(std::string("kind '") + to_string(f.kind) + "' is not selected");
  }
  if (min_statements && f.statements < *min_statements)
    return MatchResult::no(std::to_string(f.statements) + " statement(s), fewer than min-statements " +
                           std::to_string(*min_statements));
  return MatchResult::yes();
}

bool FunctionConditions::may_match(const UnitSummary &unit) const {
  for (const auto *name : {&qualified_name, &name, &namespace_, &class_})
    if (*name && !name_may_match(**name, unit)) return false;
  return !file || file_may_match(*file, unit);
}

}  // namespace orch
