// `directive: "orch:span"`: functions with a `// orch:span k=v ...` comment right before them.
#include "match/join_points/kinds.h"

namespace orch {
namespace {

class DirectiveJoinPoint final : public JoinPoint {
public:
  DirectiveJoinPoint(SourceMark mark, std::string name) : JoinPoint(std::move(mark)), name_(std::move(name)) {}
  ShadowKinds shadows() const override { return kBodyShadows; }
  MatchResult evaluate(const Shadow &s) const override {
    return s.function->directive(name_) ? MatchResult::yes() : MatchResult::no("no '// " + name_ + "' directive");
  }
  bool may_match(const UnitSummary &unit) const override { return text_may_contain(name_, unit); }

private:
  std::string name_;
};

}  // namespace

JoinPointPtr parse_directive(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  std::string name = r.scalar(value, "directive");
  if (name != "orch:span") r.fail(value, "unknown directive '" + name + "' (expected orch:span)");
  return std::make_unique<DirectiveJoinPoint>(std::move(mark), std::move(name));
}

}  // namespace orch
