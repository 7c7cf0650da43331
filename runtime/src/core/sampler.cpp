#include "core/sampler.h"

#include <cmath>

#include "id_codec.h"

namespace orch::rt {

namespace {
constexpr uint64_t kMaxThreshold = uint64_t{1} << 56;
}

Sampler::Sampler(SamplerKind kind, double ratio) : kind_(kind) {
  if (!(ratio > 0.0)) threshold_ = kMaxThreshold;
  else if (ratio >= 1.0) threshold_ = 0;
  else threshold_ = static_cast<uint64_t>(std::llround((1.0 - ratio) * static_cast<double>(kMaxThreshold)));
}

bool Sampler::ratio_sampled(const uint8_t trace_id[16]) const {
  // Bytes 9..15 in network order: bytes 8..15 read as one number, byte 8 masked off.
  return (span_id_value(trace_id + 8) & (kMaxThreshold - 1)) >= threshold_;
}

bool Sampler::should_sample(ParentKind parent, const uint8_t trace_id[16]) const {
  switch (kind_) {
  case SamplerKind::AlwaysOn: return true;
  case SamplerKind::AlwaysOff: return false;
  case SamplerKind::TraceIdRatio: return ratio_sampled(trace_id);
  default: break;
  }
  // parentbased_*: the parent decides when there is one.
  switch (parent) {
  case ParentKind::LocalSampled:
  case ParentKind::RemoteSampled: return true;
  case ParentKind::LocalNotSampled:
  case ParentKind::RemoteNotSampled: return false;
  case ParentKind::None: break;
  }
  if (kind_ == SamplerKind::ParentBasedAlwaysOn) return true;
  if (kind_ == SamplerKind::ParentBasedAlwaysOff) return false;
  return ratio_sampled(trace_id);
}

}  // namespace orch::rt
