// A join point: a condition on shadows (see shadow.h). Each kind of join point
// is one small class in join_points/, registered by its YAML key in
// parse_join_point.cpp; composition (all-of, one-of, not) is a kind like the others.
#pragma once

#include <memory>
#include <string>

#include "aspects/model.h"
#include "aspects/plausibility.h"
#include "match/shadow.h"

namespace orch {

struct MatchResult {
  bool matched = false;
  std::string reason;  // why not (or, for a match through `not`, what it excluded)

  static MatchResult yes() { return {true, ""}; }
  static MatchResult no(std::string reason) { return {false, std::move(reason)}; }
};

class JoinPoint {
public:
  explicit JoinPoint(SourceMark mark) : mark_(std::move(mark)) {}
  virtual ~JoinPoint() = default;

  // The kinds of shadow it can match; a shadow of another kind never matches.
  virtual ShadowKinds shadows() const = 0;
  virtual MatchResult evaluate(const Shadow &shadow) const = 0;
  // Whether it could match anything in a unit, decided without parsing it: a
  // "no" must be certain (see aspects/plausibility.h).
  virtual bool may_match(const UnitSummary &unit) const = 0;

  const SourceMark &mark() const { return mark_; }

private:
  SourceMark mark_;
};

using JoinPointPtr = std::unique_ptr<JoinPoint>;

// Evaluates `jp` on `shadow`, saying so when the shadow is of a kind it never matches.
MatchResult evaluate(const JoinPoint &jp, const Shadow &shadow);

}  // namespace orch
