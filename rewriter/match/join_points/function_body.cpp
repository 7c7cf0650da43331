// `function-body: {...}`: the bodies of the functions that meet the conditions.
#include "match/join_points/kinds.h"
#include "match/join_points/function_conditions.h"

namespace orch {
namespace {

class FunctionBody final : public JoinPoint {
public:
  FunctionBody(SourceMark mark, FunctionConditions conditions) : JoinPoint(std::move(mark)), c_(std::move(conditions)) {}
  ShadowKinds shadows() const override { return kBodyShadows; }
  MatchResult evaluate(const Shadow &s) const override { return c_.check(*s.function); }
  bool may_match(const UnitSummary &unit) const override { return c_.may_match(unit); }

private:
  FunctionConditions c_;
};

}  // namespace

JoinPointPtr parse_function_body(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  return std::make_unique<FunctionBody>(std::move(mark), FunctionConditions::parse(r, value, "function-body"));
}

}  // namespace orch
