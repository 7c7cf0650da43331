#include "match/join_point.h"

namespace orch {

std::string describe(ShadowKinds kinds) {
  if (kinds == (kBodyShadows | kCallShadows)) return "function bodies and calls";
  if (kinds == kBodyShadows) return "function bodies";
  if (kinds == kCallShadows) return "calls";
  return "nothing";
}

const Directive *FunctionFacts::directive(const std::string &name) const {
  for (const auto &d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

MatchResult evaluate(const JoinPoint &jp, const Shadow &shadow) {
  if (!(jp.shadows() & static_cast<unsigned>(shadow.kind)))
    return MatchResult::no("its join point matches " + describe(jp.shadows()) + " only");
  return jp.evaluate(shadow);
}

}  // namespace orch
