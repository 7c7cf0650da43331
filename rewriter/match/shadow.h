// What a join point is evaluated on: a *shadow*, i.e. a place in the code
// where advice can be woven. Either the body of a function, or a call
// expression written in the project's code. The facts are read off the Clang
// AST (ast/function_facts, ast/call_facts); join points only see these.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aspects/model.h"

namespace orch {

enum class ShadowKind : unsigned { FunctionBody = 1u, Call = 2u };
using ShadowKinds = unsigned;  // a bit set of ShadowKind
constexpr ShadowKinds kBodyShadows = static_cast<unsigned>(ShadowKind::FunctionBody);
constexpr ShadowKinds kCallShadows = static_cast<unsigned>(ShadowKind::Call);
std::string describe(ShadowKinds kinds);  // "function bodies", "calls", "function bodies and calls"

// A `// orch:NAME key=value ...` comment right before a function or statement.
struct Directive {
  std::string name;  // "orch:span", "orch:ignore"
  std::vector<std::pair<std::string, std::string>> attributes;
};

// What join points can ask about a function.
struct FunctionFacts {
  std::string qualified_name;  // ns::Class::method, templates without arguments
  std::string name;
  std::string namespace_;      // enclosing namespace, "" for the global one
  std::string class_name;      // enclosing class, qualified; "" if none
  std::string file;            // relative to the orch.yaml directory when inside it
  unsigned line = 0;
  FunctionKind kind = FunctionKind::Function;
  int statements = 0;
  bool calls = false;  // the body calls something (a function, a constructor, new)
  std::vector<Directive> directives;

  const Directive *directive(const std::string &name) const;
};

// What join points can ask about a call. `callee` describes the function
// called (declared anywhere: system headers and C libraries included) with
// file and line of the call site.
struct CallFacts {
  FunctionFacts callee;
  CallKind kind = CallKind::Function;
  std::vector<std::string> object_classes;  // member calls: the object's static class and its bases, qualified
  std::vector<std::string> parameter_types;  // the callee's, as Clang prints them
  unsigned arguments = 0;                    // as written at the call
  unsigned column = 0;
};

struct Shadow {
  ShadowKind kind = ShadowKind::FunctionBody;
  const FunctionFacts *function = nullptr;  // the body; for a call, its caller (nullptr at namespace scope)
  const CallFacts *call = nullptr;          // calls only

  static Shadow body(const FunctionFacts &f) { return {ShadowKind::FunctionBody, &f, nullptr}; }
  static Shadow call_in(const FunctionFacts *caller, const CallFacts &c) { return {ShadowKind::Call, caller, &c}; }
};

}  // namespace orch
