// Evaluating join points against the facts about one function.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aspects/model.h"

namespace orch {

// A `// orch:NAME key=value ...` comment right before a function.
struct Directive {
  std::string name;  // "orch:span", "orch:ignore"
  std::vector<std::pair<std::string, std::string>> attributes;
};

// What join points can ask about a function. Filled from the Clang AST.
struct FunctionFacts {
  std::string qualified_name;  // ns::Class::method, templates without arguments
  std::string name;
  std::string namespace_;      // enclosing namespace, "" for the global one
  std::string class_name;      // enclosing class, qualified; "" if none
  std::string file;            // relative to the orch.yaml directory when inside it
  unsigned line = 0;
  FunctionKind kind = FunctionKind::Function;
  int statements = 0;
  std::vector<Directive> directives;

  const Directive *directive(const std::string &name) const;
};

struct MatchResult {
  bool matched = false;
  std::string reason;  // why not (or, for a match through `not`, what it excluded)
};

MatchResult evaluate(const JoinPoint &jp, const FunctionFacts &facts);

}  // namespace orch
