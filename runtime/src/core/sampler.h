// The OpenTelemetry samplers selected by OTEL_TRACES_SAMPLER.
//
// traceidratio uses the consistent-probability rule of the current spec (W3C
// trace context level 2 randomness): the last 56 bits of the trace id are the
// randomness R, the ratio p gives a rejection threshold T = (1 - p) * 2^56, and
// the span is sampled iff R >= T. Every participant with the same ratio
// therefore takes the same decision for a trace.
#pragma once

#include <cstdint>

#include "config/config.h"

namespace orch::rt {

enum class ParentKind { None, LocalSampled, LocalNotSampled, RemoteSampled, RemoteNotSampled };

class Sampler {
public:
  Sampler(SamplerKind kind, double ratio);

  bool should_sample(ParentKind parent, const uint8_t trace_id[16]) const;
  // should_sample for a span without a parent, with the default samplers'
  // answer inline (no call on the hot path).
  bool should_sample_root(const uint8_t trace_id[16]) const {
    return keeps_every_root() || should_sample(ParentKind::None, trace_id);
  }
  bool keeps_every_root() const { return kind_ == SamplerKind::ParentBasedAlwaysOn || kind_ == SamplerKind::AlwaysOn; }
  // True when a span whose parent was not sampled is not sampled either (parentbased_*).
  bool follows_parent() const {
    return kind_ == SamplerKind::ParentBasedAlwaysOn || kind_ == SamplerKind::ParentBasedAlwaysOff ||
           kind_ == SamplerKind::ParentBasedTraceIdRatio;
  }

  // True when no span can ever be sampled: span_start may return at once.
  bool never_samples() const { return kind_ == SamplerKind::AlwaysOff; }
  // True when a root's decision depends on its (random) trace id.
  bool root_uses_ratio() const {
    return kind_ == SamplerKind::TraceIdRatio || kind_ == SamplerKind::ParentBasedTraceIdRatio;
  }
  SamplerKind kind() const { return kind_; }
  uint64_t threshold() const { return threshold_; }

private:
  bool ratio_sampled(const uint8_t trace_id[16]) const;

  SamplerKind kind_;
  uint64_t threshold_;  // in [0, 2^56]; 0 samples everything, 2^56 nothing
};

}  // namespace orch::rt
