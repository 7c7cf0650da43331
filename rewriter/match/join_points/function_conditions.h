// Conditions on one function: the keys of `function-body:`, which
// `function-call:` also uses for its `caller:`. Every given condition must hold.
#pragma once

#include <optional>
#include <vector>

#include "aspects/yaml_reader.h"
#include "match/join_point.h"

namespace orch {

struct FunctionConditions {
  std::optional<Pattern> qualified_name, name, namespace_, class_, file;
  std::vector<FunctionKind> kinds;  // empty: any kind
  std::optional<int> min_statements;

  static bool is_key(const std::string &key);
  static FunctionConditions parse(const YamlReader &r, const YAML::Node &node, const std::string &what);
  MatchResult check(const FunctionFacts &f) const;
  bool may_match(const UnitSummary &unit) const;
};

// `namespace: X` holds inside X and inside namespaces nested in X.
MatchResult check_namespace(const std::optional<Pattern> &pattern, const std::string &ns);
// `class: X` holds for a qualified or plain class name matching X.
bool class_matches(const Pattern &pattern, const std::string &cls);
MatchResult check_name(const char *what, const std::optional<Pattern> &pattern, const std::string &value);

}  // namespace orch
