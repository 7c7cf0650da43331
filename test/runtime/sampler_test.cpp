#include <gtest/gtest.h>

#include <cmath>

#include "core/ids.h"
#include "core/sampler.h"

namespace orch::rt {
namespace {

double sampled_fraction(const Sampler &s, ParentKind parent, int n) {
  IdGenerator g;
  g.seed();
  int sampled = 0;
  for (int i = 0; i < n; ++i) {
    uint8_t id[16];
    g.trace_id(id);
    sampled += s.should_sample(parent, id);
  }
  return static_cast<double>(sampled) / n;
}

TEST(Sampler, RatioMatchesStatistically) {
  constexpr int kN = 200000;
  for (double p : {0.01, 0.1, 0.25, 0.5, 0.9}) {
    Sampler s(SamplerKind::TraceIdRatio, p);
    const double sigma = std::sqrt(p * (1 - p) / kN);
    EXPECT_NEAR(sampled_fraction(s, ParentKind::None, kN), p, 5 * sigma) << "ratio " << p;
  }
}

TEST(Sampler, RatioBoundsAreExact) {
  EXPECT_EQ(sampled_fraction(Sampler(SamplerKind::TraceIdRatio, 0.0), ParentKind::None, 10000), 0.0);
  EXPECT_EQ(sampled_fraction(Sampler(SamplerKind::TraceIdRatio, 1.0), ParentKind::None, 10000), 1.0);
}

// The decision depends only on the trace id's last 56 bits: consistent
// across participants, and monotonic in the ratio.
TEST(Sampler, RatioUsesTheLast56BitsOfTheTraceId) {
  Sampler half(SamplerKind::TraceIdRatio, 0.5);
  uint8_t id[16] = {};
  id[9] = 0x80;  // R = 2^55: exactly the threshold for p = 0.5
  EXPECT_TRUE(half.should_sample(ParentKind::None, id));
  id[9] = 0x7f;
  for (int i = 10; i < 16; ++i) id[i] = 0xff;  // R = 2^55 - 1
  EXPECT_FALSE(half.should_sample(ParentKind::None, id));
  id[0] = id[8] = 0xff;  // the other bits do not matter
  EXPECT_FALSE(half.should_sample(ParentKind::None, id));
  EXPECT_TRUE(Sampler(SamplerKind::TraceIdRatio, 0.6).should_sample(ParentKind::None, id));
}

struct Case {
  SamplerKind kind;
  ParentKind parent;
  bool expected;
};

TEST(Sampler, ParentBasedRules) {
  const uint8_t never_by_ratio[16] = {};  // R = 0: only ratio 1 samples it
  const Case cases[] = {
      {SamplerKind::ParentBasedAlwaysOn, ParentKind::None, true},
      {SamplerKind::ParentBasedAlwaysOn, ParentKind::LocalNotSampled, false},
      {SamplerKind::ParentBasedAlwaysOn, ParentKind::RemoteNotSampled, false},
      {SamplerKind::ParentBasedAlwaysOn, ParentKind::RemoteSampled, true},
      {SamplerKind::ParentBasedAlwaysOff, ParentKind::None, false},
      {SamplerKind::ParentBasedAlwaysOff, ParentKind::LocalSampled, true},
      {SamplerKind::ParentBasedAlwaysOff, ParentKind::RemoteSampled, true},
      {SamplerKind::ParentBasedAlwaysOff, ParentKind::RemoteNotSampled, false},
      {SamplerKind::ParentBasedTraceIdRatio, ParentKind::None, false},
      {SamplerKind::ParentBasedTraceIdRatio, ParentKind::RemoteSampled, true},
      {SamplerKind::ParentBasedTraceIdRatio, ParentKind::LocalSampled, true},
      {SamplerKind::ParentBasedTraceIdRatio, ParentKind::LocalNotSampled, false},
      // Not parent-based: the parent is ignored.
      {SamplerKind::AlwaysOn, ParentKind::RemoteNotSampled, true},
      {SamplerKind::AlwaysOff, ParentKind::RemoteSampled, false},
      {SamplerKind::TraceIdRatio, ParentKind::RemoteSampled, false},
  };
  for (const Case &c : cases) {
    Sampler s(c.kind, 0.5);
    EXPECT_EQ(s.should_sample(c.parent, never_by_ratio), c.expected)
        << "sampler " << static_cast<int>(c.kind) << " parent " << static_cast<int>(c.parent);
  }
}

TEST(Sampler, Shortcuts) {
  EXPECT_TRUE(Sampler(SamplerKind::AlwaysOff, 1).never_samples());
  EXPECT_FALSE(Sampler(SamplerKind::ParentBasedAlwaysOff, 1).never_samples()) << "a sampled remote parent samples";
  EXPECT_TRUE(Sampler(SamplerKind::ParentBasedTraceIdRatio, 0.5).root_uses_ratio());
  EXPECT_FALSE(Sampler(SamplerKind::ParentBasedAlwaysOn, 0.5).root_uses_ratio());
}

}  // namespace
}  // namespace orch::rt
