// Advice: what to weave at a shadow a join point matched. Each kind is one
// small class in advice/ (parse + weave), registered by its YAML key in
// parse_advice.cpp. An advice says which shadow kinds it can be woven into;
// an aspect whose join point can match others is refused when it is loaded.
#pragma once

#include <memory>

#include "aspects/yaml_reader.h"
#include "match/shadow.h"

namespace orch {

struct BodyWeave;  // weave/weave_point.h
struct CallWeave;
struct CallCandidate;  // ast/call_sites.h

class Advice {
public:
  explicit Advice(SourceMark mark) : mark_(std::move(mark)) {}
  virtual ~Advice() = default;

  virtual const char *key() const = 0;
  virtual ShadowKinds shadows() const = 0;
  // Advice that sends the call elsewhere is woven before the aspect's others,
  // so that they see where the call goes.
  virtual bool redirects_call() const { return false; }
  // Non-empty: the aspect leaves this call alone, for this reason.
  virtual std::string leaves_alone(const CallCandidate &) const { return ""; }
  // Only called for the kinds shadows() names.
  virtual void weave_body(BodyWeave &) const {}
  virtual void weave_call(CallWeave &) const {}
  // What the woven site records itself, for the manifest: a span per call,
  // and each call counted in the metrics.
  virtual bool records_spans() const { return false; }
  virtual bool counts_calls() const { return false; }

  const SourceMark &mark() const { return mark_; }

private:
  SourceMark mark_;
};

using AdvicePtr = std::unique_ptr<Advice>;

// Parses one entry of `advice:` (a mapping with exactly one registered key).
AdvicePtr parse_advice(const YamlReader &r, const YAML::Node &node);

// `header:` of an advice: a path under orch's include directory (orch/).
std::string parse_integration_header(const YamlReader &r, const YAML::Node &value);

// The kinds: `value` is the node under the kind's key.
AdvicePtr parse_span_advice(const YamlReader &r, const YAML::Node &value, SourceMark mark);
AdvicePtr parse_metrics_only(const YamlReader &r, const YAML::Node &value, SourceMark mark);
AdvicePtr parse_propagate_context(const YamlReader &r, const YAML::Node &value, SourceMark mark);
AdvicePtr parse_replace_function(const YamlReader &r, const YAML::Node &value, SourceMark mark);
AdvicePtr parse_wrap_argument(const YamlReader &r, const YAML::Node &value, SourceMark mark);

}  // namespace orch
