// RED metrics: every call of a site counted whatever the sampler decided,
// failures by error.type, durations in the exponential histogram, deltas and
// cumulative totals that add up, threads and forked children accounted once.
// Each test runs the runtime in a forked child (runtime_harness.h) and reads
// what the capture metric exporter received.
#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <stdexcept>
#include <thread>
#include <typeinfo>
#include <vector>

#include "metrics/duration_buckets.h"
#include "runtime_harness.h"

namespace orch::test {
namespace {

// OTLP bucket index (scale 3) of a duration in seconds.
int otlp_index(double seconds) { return rt::duration_bucket(seconds) + rt::kFirstBucketIndex; }

TEST(DurationBucket, BoundariesBelongToTheBucketBelow) {
  EXPECT_EQ(otlp_index(1.0), -1);  // (2^(-1/8), 1]
  EXPECT_EQ(otlp_index(std::nextafter(1.0, 2.0)), 0);
  EXPECT_EQ(otlp_index(0.5), -9);
  const double root = std::exp2(0.125);  // rounds below or above 2^(1/8): either side is right
  EXPECT_EQ(otlp_index(std::nextafter(root, 2.0)), 1);
  EXPECT_EQ(otlp_index(std::nextafter(root, 0.0)), 0);
  for (int i = -200; i < 60; ++i) {
    const double upper = std::exp2(static_cast<double>(i + 1) / 8);
    const double inside = std::exp2((i + 0.5) / 8);
    EXPECT_EQ(otlp_index(inside), i) << inside;
    EXPECT_EQ(otlp_index(upper * (1 + 1e-12)), i + 1) << upper;
    EXPECT_EQ(otlp_index(upper * (1 - 1e-12)), i) << upper;
  }
}

TEST(DurationBucket, OutOfRangeDurationsGoToTheEndBuckets) {
  EXPECT_EQ(rt::duration_bucket(0.0), 0);
  EXPECT_EQ(rt::duration_bucket(1e-15), 0);
  EXPECT_EQ(rt::duration_bucket(1e9), rt::kDurationBuckets - 1);
}

TEST(DurationBucket, MidpointIsWithinFivePercent) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-29, 9);
  for (int i = 0; i < 100000; ++i) {
    const double v = std::exp2(exponent(rng));
    const int index = otlp_index(v);
    const double midpoint = std::exp2((index + 0.5) / 8);
    EXPECT_LE(std::abs(midpoint - v) / v, 0.05) << v;
  }
}

rt::Config metrics_config(rt::SamplerKind sampler, double ratio = 1.0) {
  rt::Config c = test_config();
  c.sampler = sampler;
  c.sampler_ratio = ratio;
  return c;
}

orch_site site_with(const char *name, uint32_t flags) {
  orch_site s = make_site(name);
  s.flags = flags;
  return s;
}

// A call of `site` through span_begin, as the weave header makes it.
template <class F> void call(orch_site &site, F inside) {
  orch_span s;
  s.site = &site;
  api()->span_begin(&s, &site);
  inside(s);
  api()->span_end(&s);
}
void call(orch_site &site) {
  call(site, [](orch_span &) {});
}

// An exception leaving the call, reported as the weave header does it.
void throw_through(orch_span &s) {
  const char *type = typeid(std::runtime_error).name();
  if (s.rec && !(reinterpret_cast<uintptr_t>(s.rec) & ORCH_SPAN_TIMED_CALL)) api()->exception(&s, type, "boom");
  else api()->span_failed(&s, type, ORCH_FAILURE_MANGLED_TYPE);
}

// The points of `metric` in the child's last export whose attribute
// orch.site.name is `site` (and error.type `error_type`, or none).
std::vector<CapturedPoint> last_points(const std::vector<CapturedPoint> &all, const std::string &metric,
                                       const std::string &site, const std::string &error_type = "") {
  int last = -1;
  for (const auto &p : all) last = std::max(last, p.export_index);
  std::vector<CapturedPoint> out;
  for (const auto &p : all) {
    if (p.export_index != last || p.metric != metric) continue;
    if (p.attrs.count("orch.site.name") == 0 || p.attrs.at("orch.site.name") != "\"" + site + "\"") continue;
    auto e = p.attrs.find("error.type");
    if (error_type.empty() ? e != p.attrs.end() : (e == p.attrs.end() || e->second != "\"" + error_type + "\""))
      continue;
    out.push_back(p);
  }
  return out;
}

int64_t last_sum(const std::vector<CapturedPoint> &all, const std::string &metric, const std::string &site,
                 const std::string &error_type = "") {
  auto points = last_points(all, metric, site, error_type);
  return points.size() == 1 ? points[0].value : -1;
}

uint64_t bucket_total(const CapturedPoint &p) {
  uint64_t n = 0;
  for (uint64_t c : p.counts) n += c;
  return n;
}

struct SamplerCase {
  rt::SamplerKind sampler;
  double ratio;
  const char *name;
};

class EveryCall : public ::testing::TestWithParam<SamplerCase> {};

TEST_P(EveryCall, IsCountedAndTimedWhateverTheSampler) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(GetParam().sampler, GetParam().ratio),
                  [] {
                    static orch_site outer = make_site("outer");
                    static orch_site inner = make_site("inner");
                    static orch_site failing = make_site("failing");
                    for (int i = 0; i < 1000; ++i) {
                      call(outer, [](orch_span &) {
                        call(inner);
                        call(inner);
                      });
                      if (i % 10 == 0) call(failing, throw_through);
                    }
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "outer"), 1000);
  EXPECT_EQ(last_sum(points, "orch.function.calls", "inner"), 2000);
  EXPECT_EQ(last_sum(points, "orch.function.calls", "failing"), 100);
  EXPECT_EQ(last_sum(points, "orch.function.errors", "failing", "std::runtime_error"), 100);
  EXPECT_EQ(last_sum(points, "orch.function.calls", "failing", "std::runtime_error"), -1);
  for (const char *site : {"outer", "inner"}) {
    auto hist = last_points(points, "orch.function.duration", site);
    ASSERT_EQ(hist.size(), 1u) << site;
    const CapturedPoint &p = hist[0];
    EXPECT_EQ(p.type, "exponential");
    EXPECT_EQ(p.scale, 3);
    EXPECT_EQ(p.count, bucket_total(p));
    // Untraced calls are timed one in ~32, each standing for the calls since
    // the last timed one: the calls after the last timed one are not in yet.
    const uint64_t calls = std::string(site) == "outer" ? 1000 : 2000;
    EXPECT_LE(p.count, calls) << site;
    EXPECT_GE(p.count, calls - 200) << site;
    EXPECT_GT(p.sum, 0) << site;
    EXPECT_LT(p.sum / p.count, 0.01) << site;  // a call of a few nanoseconds, not milliseconds
  }
}

INSTANTIATE_TEST_SUITE_P(Samplers, EveryCall,
                         ::testing::Values(SamplerCase{rt::SamplerKind::AlwaysOff, 0, "always_off"},
                                           SamplerCase{rt::SamplerKind::ParentBasedTraceIdRatio, 0.01, "ratio_1pct"},
                                           SamplerCase{rt::SamplerKind::AlwaysOn, 1, "always_on"}),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(Metrics, SampledSpansAreTimedExactlyAndGiveExemplars) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOn),
                  [] {
                    static orch_site site = make_site("s");
                    for (int i = 0; i < 100; ++i) call(site);
                  }),
            0);
  auto hist = last_points(h.metric_points(), "orch.function.duration", "s");
  ASSERT_EQ(hist.size(), 1u);
  EXPECT_EQ(hist[0].count, 100u);
  EXPECT_LE(hist[0].min, hist[0].max);
  EXPECT_GT(hist[0].min, 0);
  ASSERT_FALSE(hist[0].exemplars.empty());
  const std::string trace_id = hist[0].exemplars[0].substr(0, 32);
  bool exported = false;
  for (const auto &span : h.spans()) exported = exported || span.trace_id == trace_id;
  EXPECT_TRUE(exported) << "the exemplar points to a span that was exported";
}

TEST(Metrics, FailuresAreCountedByErrorType) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOff),
                  [] {
                    static orch_site site = make_site("f");
                    for (int i = 0; i < 30; ++i) call(site);
                    for (int i = 0; i < 7; ++i) call(site, [](orch_span &s) { api()->span_failed(&s, "timeout", 0); });
                    for (int i = 0; i < 5; ++i)
                      call(site, [](orch_span &s) {
                        api()->span_failed(&s, typeid(std::runtime_error).name(), ORCH_FAILURE_MANGLED_TYPE);
                      });
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "f"), 42) << "failed calls are calls";
  EXPECT_EQ(last_sum(points, "orch.function.errors", "f", "timeout"), 7);
  EXPECT_EQ(last_sum(points, "orch.function.errors", "f", "std::runtime_error"), 5);
  EXPECT_EQ(last_sum(points, "orch.function.errors", "f"), -1) << "no error point without error.type";
}

TEST(Metrics, FailedSpansAreCountedAndKeepTheirStatus) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOn),
                  [] {
                    static orch_site site = make_site("g");
                    call(site, [](orch_span &s) { api()->span_failed(&s, "503", 0); });
                    call(site);
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "g"), 2);
  EXPECT_EQ(last_sum(points, "orch.function.errors", "g", "503"), 1);
  auto failed = last_points(points, "orch.function.duration", "g", "503");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].count, 1u);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].status, 2);  // ERROR
  EXPECT_EQ(spans[0].attrs["error.type"], "\"503\"");
}

TEST(Metrics, SiteFlagsChooseSpansMetricsOrBoth) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOn),
                  [] {
                    static orch_site only = site_with("only", ORCH_SITE_METRICS_ONLY);
                    static orch_site none = site_with("none", ORCH_SITE_NO_METRICS);
                    static orch_site at_call = site_with("at_call", ORCH_SITE_CALL);
                    for (int i = 0; i < 10; ++i) {
                      call(only);
                      call(none);
                      call(at_call);
                    }
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "only"), 10);
  EXPECT_EQ(last_sum(points, "orch.function.calls", "none"), -1);
  EXPECT_EQ(last_sum(points, "orch.call_site.calls", "at_call"), 10);
  EXPECT_EQ(last_sum(points, "orch.function.calls", "at_call"), -1);
  int only_spans = 0, none_spans = 0;
  for (const auto &s : h.spans()) {
    only_spans += s.name == "only";
    none_spans += s.name == "none";
  }
  EXPECT_EQ(only_spans, 0) << "metrics-only never records a span";
  EXPECT_EQ(none_spans, 10);
}

TEST(Metrics, SpansTheQueueDropsAreStillCounted) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.batch.max_queue_size = 256;
  c.batch.max_export_batch_size = 64;
  c.site_span_limit = 0;  // every call a span
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site site = make_site("q");
                    RuntimeHarness::hold_exports = true;  // the exporter is stuck: most spans are dropped
                    for (int i = 0; i < 5000; ++i) call(site);
                    RuntimeHarness::hold_exports = false;
                  }),
            0);
  EXPECT_LT(h.spans().size(), 5000u);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "q"), 5000) << "exported spans by the exporter, dropped ones by their thread";
  auto hist = last_points(points, "orch.function.duration", "q");
  ASSERT_EQ(hist.size(), 1u);
  EXPECT_EQ(hist[0].count, 5000u);
}

TEST(Metrics, ASiteOverItsSpanBudgetIsCountedNotTraced) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.site_span_limit = 100;  // a span every 10 ms, at most 10 at once
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site root = make_site("root");
                    static orch_site hot = make_site("hot");
                    static orch_site leaf = make_site("leaf");
                    call(root, [](orch_span &) {
                      for (int i = 0; i < 150; ++i)
                        call(hot, [i](orch_span &) {
                          if (i >= 120) call(leaf);  // under a folded call: attached to root
                        });
                    });
                    usleep(200 * 1000);  // 20 spans earned, 10 kept
                    for (int i = 0; i < 100; ++i) call(hot);
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "hot"), 250) << "every call counted";
  std::string root_id;
  std::vector<const CapturedSpan *> hot_spans;
  std::vector<std::string> leaf_parents;
  auto spans = h.spans();
  for (const auto &s : spans) {
    if (s.name == "root") root_id = s.span_id;
    if (s.name == "hot") hot_spans.push_back(&s);
  }
  for (const auto &s : spans)
    if (s.name == "leaf") leaf_parents.push_back(s.parent_span_id);
  std::sort(hot_spans.begin(), hot_spans.end(), [](auto *a, auto *b) { return a->start < b->start; });
  ASSERT_GE(hot_spans.size(), 20u) << "10 at once, 10 more after the pause";
  EXPECT_LE(hot_spans.size(), 24u) << "a few more only if the calls took tens of ms";
  // The first span after the pause says how many calls were folded before it
  // (the 140 of the first loop, and at most 16 of the second before the clock
  // was looked at again).
  int64_t folded = 0;
  for (const auto *s : hot_spans)
    if (s->attrs.count("orch.folded_calls")) folded = std::max<int64_t>(folded, std::stoll(s->attrs.at("orch.folded_calls")));
  EXPECT_GE(folded, 120);
  EXPECT_LE(folded, 156);
  ASSERT_EQ(leaf_parents.size(), 10u) << "30 calls, within the leaf site's own budget";
  for (const auto &p : leaf_parents) EXPECT_EQ(p, root_id);
}

TEST(Metrics, ASiteThatSlowsDownGetsItsSpanWithinSixteenCalls) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.site_span_limit = 100;
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site site = make_site("bursty");
                    for (int i = 0; i < 30; ++i) call(site);  // 10 spans, 20 folded at a fast pace
                    usleep(50 * 1000);
                    for (int i = 0; i < 16; ++i) call(site);
                  }),
            0);
  int spans = 0;
  for (const auto &s : h.spans()) spans += s.name == "bursty";
  EXPECT_GE(spans, 11);
}

TEST(Metrics, ThreadsThatEndedAreStillCounted) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOff),
                  [] {
                    static orch_site site = make_site("t");
                    std::vector<std::thread> threads;
                    for (int t = 0; t < 4; ++t)
                      threads.emplace_back([] {
                        for (int i = 0; i < 2500; ++i) call(site);
                      });
                    for (auto &t : threads) t.join();
                    orch_flush(5000);  // the threads' state is retired by now or at the next export
                    for (int i = 0; i < 3; ++i) call(site);
                  }),
            0);
  EXPECT_EQ(last_sum(h.metric_points(), "orch.function.calls", "t"), 10003);
}

TEST(Metrics, DeepRecursionIsCountedEveryCall) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOff),
                  [] {
                    static orch_site site = make_site("r");
                    struct Recurse {
                      static void down(int depth) {
                        call(site, [depth](orch_span &) {
                          if (depth > 0) down(depth - 1);
                        });
                      }
                    };
                    for (int i = 0; i < 20; ++i) Recurse::down(199);  // deeper than the timed-call stack
                  }),
            0);
  auto points = h.metric_points();
  EXPECT_EQ(last_sum(points, "orch.function.calls", "r"), 4000);
  auto hist = last_points(points, "orch.function.duration", "r");
  ASSERT_EQ(hist.size(), 1u);
  EXPECT_LE(hist[0].count, 4000u);
}

TEST(Metrics, DeltaPointsAddUpToTheCumulativeTotal) {
  for (auto preference : {rt::TemporalityPreference::Delta, rt::TemporalityPreference::Cumulative}) {
    RuntimeHarness h;
    rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
    c.metrics.temporality = preference;
    ASSERT_EQ(h.run(c,
                    [] {
                      static orch_site site = make_site("d");
                      for (int round = 1; round <= 3; ++round) {
                        for (int i = 0; i < round * 10; ++i) call(site);
                        orch_flush(5000);
                      }
                    }),
              0);
    int64_t total = 0, last = 0;
    uint64_t histogram_total = 0;
    std::vector<uint64_t> starts;
    for (const auto &p : h.metric_points()) {
      if (p.metric == "orch.function.calls") {
        total += p.value;
        last = p.value;
        starts.push_back(p.start);
      }
      if (p.metric == "orch.function.duration") histogram_total += p.count;
    }
    if (preference == rt::TemporalityPreference::Delta) {
      EXPECT_EQ(total, 60) << "10 + 20 + 30, each reported once";
      EXPECT_EQ(histogram_total, 60u);
      ASSERT_EQ(starts.size(), 3u) << "no point for an interval without calls (the exit export)";
      EXPECT_LT(starts[0], starts[1]) << "a delta point starts where the last one ended";
    } else {
      EXPECT_EQ(last, 60);
      ASSERT_GE(starts.size(), 3u);
      EXPECT_EQ(starts.front(), starts.back()) << "cumulative points share their start";
    }
  }
}

TEST(Metrics, ExplicitBucketsWhenConfigured) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.metrics.histogram = rt::HistogramAggregation::ExplicitBuckets;
  c.metrics.explicit_bounds = {0.001, 0.1};
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site site = make_site("e");
                    for (int i = 0; i < 5; ++i) call(site);
                    call(site, [](orch_span &) { usleep(20000); });
                  }),
            0);
  auto hist = last_points(h.metric_points(), "orch.function.duration", "e");
  ASSERT_EQ(hist.size(), 1u);
  EXPECT_EQ(hist[0].type, "explicit");
  EXPECT_EQ(hist[0].bounds, (std::vector<double>{0.001, 0.1}));
  EXPECT_EQ(hist[0].counts, (std::vector<uint64_t>{5, 1, 0}));
  EXPECT_GE(hist[0].max, 0.02);
}

TEST(Metrics, AForkedChildStartsFromZero) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(metrics_config(rt::SamplerKind::AlwaysOff),
                  [] {
                    static orch_site site = make_site("k");
                    for (int i = 0; i < 100; ++i) call(site);
                    pid_t child = fork();
                    if (child == 0) {
                      for (int i = 0; i < 10; ++i) call(site);
                      std::exit(0);
                    }
                    int status = 0;
                    waitpid(child, &status, 0);
                    CHILD_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
                    call(site);
                  }),
            0);
  std::map<int, int64_t> last_by_pid;
  for (const auto &p : h.metric_points())
    if (p.metric == "orch.function.calls") last_by_pid[p.pid] = p.value;
  ASSERT_EQ(last_by_pid.size(), 2u);
  std::vector<int64_t> values;
  for (const auto &[pid, v] : last_by_pid) values.push_back(v);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<int64_t>{10, 101}));
}

TEST(Metrics, NothingIsCountedWithoutAMetricExporter) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.metrics.exporters.clear();  // OTEL_METRICS_EXPORTER=none
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site site = make_site("n");
                    for (int i = 0; i < 10; ++i) call(site);
                  }),
            0);
  EXPECT_TRUE(h.metric_points().empty());
  EXPECT_EQ(h.spans().size(), 10u);
}

TEST(Metrics, MetricsOnlyNeverRecordsASpanEvenWithMetricsOff) {
  RuntimeHarness h;
  rt::Config c = metrics_config(rt::SamplerKind::AlwaysOn);
  c.metrics.exporters.clear();
  ASSERT_EQ(h.run(c,
                  [] {
                    static orch_site site = site_with("m", ORCH_SITE_METRICS_ONLY);
                    for (int i = 0; i < 10; ++i) call(site);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

}  // namespace
}  // namespace orch::test
