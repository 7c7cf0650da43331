// `all-of`, `one-of` and `not`: join points made of join points. A
// composition matches the shadow kinds its parts allow: all-of the kinds every
// part matches (mixing function bodies and calls there is an error), one-of
// the kinds any part matches, `not` those of its part.
#include "match/join_points/kinds.h"

#include <vector>

namespace orch {
namespace {

class AllOf final : public JoinPoint {
public:
  AllOf(SourceMark mark, std::vector<JoinPointPtr> parts) : JoinPoint(std::move(mark)), parts_(std::move(parts)) {}
  ShadowKinds shadows() const override {
    ShadowKinds k = kBodyShadows | kCallShadows;
    for (const auto &p : parts_) k &= p->shadows();
    return k;
  }
  MatchResult evaluate(const Shadow &s) const override {
    for (const auto &p : parts_)
      if (MatchResult r = orch::evaluate(*p, s); !r.matched) return r;
    return MatchResult::yes();
  }
  bool may_match(const UnitSummary &unit) const override {
    for (const auto &p : parts_)
      if (!p->may_match(unit)) return false;
    return true;
  }

private:
  std::vector<JoinPointPtr> parts_;
};

class OneOf final : public JoinPoint {
public:
  OneOf(SourceMark mark, std::vector<JoinPointPtr> parts) : JoinPoint(std::move(mark)), parts_(std::move(parts)) {}
  ShadowKinds shadows() const override {
    ShadowKinds k = 0;
    for (const auto &p : parts_) k |= p->shadows();
    return k;
  }
  MatchResult evaluate(const Shadow &s) const override {
    std::string reasons;
    for (const auto &p : parts_) {
      if (!(p->shadows() & static_cast<unsigned>(s.kind))) continue;
      MatchResult r = p->evaluate(s);
      if (r.matched) return r;
      reasons += (reasons.empty() ? "" : "; ") + r.reason;
    }
    return MatchResult::no("none of one-of matched (" + reasons + ")");
  }
  bool may_match(const UnitSummary &unit) const override {
    for (const auto &p : parts_)
      if (p->may_match(unit)) return true;
    return false;
  }

private:
  std::vector<JoinPointPtr> parts_;
};

class Not final : public JoinPoint {
public:
  Not(SourceMark mark, JoinPointPtr part) : JoinPoint(std::move(mark)), part_(std::move(part)) {}
  ShadowKinds shadows() const override { return part_->shadows(); }
  MatchResult evaluate(const Shadow &s) const override {
    return part_->evaluate(s).matched ? MatchResult::no("excluded by 'not' at " + mark().str()) : MatchResult::yes();
  }
  bool may_match(const UnitSummary &) const override { return true; }  // it can match what the unit does not say

private:
  JoinPointPtr part_;
};

std::vector<JoinPointPtr> parse_parts(const YamlReader &r, const YAML::Node &value, const std::string &key) {
  if (!value.IsSequence() || value.size() == 0) r.fail(value, key + " must be a non-empty list of join points");
  std::vector<JoinPointPtr> parts;
  for (const auto &child : value) parts.push_back(parse_join_point(r, child));
  return parts;
}

}  // namespace

JoinPointPtr parse_all_of(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  auto jp = std::make_unique<AllOf>(std::move(mark), parse_parts(r, value, "all-of"));
  if (!jp->shadows())
    r.fail(value, "all-of mixes join points of function bodies and of calls, so nothing can match it "
                  "(to select calls by their calling function, use function-call's 'caller:')");
  return jp;
}

JoinPointPtr parse_one_of(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  return std::make_unique<OneOf>(std::move(mark), parse_parts(r, value, "one-of"));
}

JoinPointPtr parse_not(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  return std::make_unique<Not>(std::move(mark), parse_join_point(r, value));
}

}  // namespace orch
