// The integrations' semantic-conventions histograms (orch_api_v1::op_start,
// op_record): every operation measured whatever the sampler decided, one
// series per set of attribute values, exemplars from sampled spans, a bound
// on the series. Each test runs the runtime in a forked child
// (runtime_harness.h) and reads what the capture metric exporter received.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "runtime_harness.h"

namespace orch::test {
namespace {

const orch_instrument kClientDuration = {"http.client.request.duration", "Duration of HTTP client requests.", "s"};
const orch_instrument kDbDuration = {"db.client.operation.duration", "Duration of database client operations.", "s"};

rt::Config config_with(rt::SamplerKind sampler) {
  rt::Config c = test_config();
  c.sampler = sampler;
  return c;
}

// One operation measured as an integration does it, inside its span.
void operation(const orch_instrument &instrument, const char *method, int64_t status, bool recorded_span = true) {
  static orch_site site = make_site("op");
  orch_span s;
  s.site = &site;
  if (recorded_span) api()->span_begin(&s, &site);
  else s = {api(), nullptr, &site};
  const uint64_t start = api()->op_start();
  const orch_metric_attr attrs[] = {{"http.request.method", method, 0}, {"http.response.status_code", nullptr, status}};
  api()->op_record(&instrument, start, attrs, 2, &s);
  if (recorded_span) api()->span_end(&s);
}

std::vector<CapturedPoint> last_points(const std::vector<CapturedPoint> &all, const std::string &metric) {
  int last = -1;
  for (const auto &p : all) last = std::max(last, p.export_index);
  std::vector<CapturedPoint> out;
  for (const auto &p : all)
    if (p.export_index == last && p.metric == metric) out.push_back(p);
  return out;
}

const CapturedPoint *point_with(const std::vector<CapturedPoint> &points, const std::string &method,
                                const std::string &status) {
  for (const auto &p : points)
    if (p.attrs.count("http.request.method") && p.attrs.at("http.request.method") == "\"" + method + "\"" &&
        p.attrs.at("http.response.status_code") == status)
      return &p;
  return nullptr;
}

TEST(OperationMetrics, EveryOperationIsMeasuredUnderItsAttributesWhateverTheSampler) {
  for (auto sampler : {rt::SamplerKind::AlwaysOff, rt::SamplerKind::AlwaysOn}) {
    RuntimeHarness h;
    ASSERT_EQ(h.run(config_with(sampler),
                    [] {
                      std::vector<std::thread> threads;
                      for (int t = 0; t < 3; ++t)
                        threads.emplace_back([] {
                          for (int i = 0; i < 100; ++i) operation(kClientDuration, i % 4 ? "GET" : "POST", 200);
                        });
                      for (auto &t : threads) t.join();
                      for (int i = 0; i < 7; ++i) operation(kClientDuration, "GET", 503);
                      operation(kDbDuration, "GET", 0);
                    }),
              0);
    auto points = last_points(h.metric_points(), "http.client.request.duration");
    ASSERT_EQ(points.size(), 3u);
    const CapturedPoint *get = point_with(points, "GET", "200"), *post = point_with(points, "POST", "200"),
                        *failed = point_with(points, "GET", "503");
    ASSERT_TRUE(get && post && failed);
    EXPECT_EQ(get->count, 225u) << "3 threads x 75";
    EXPECT_EQ(post->count, 75u);
    EXPECT_EQ(failed->count, 7u);
    EXPECT_EQ(get->type, "exponential");
    EXPECT_GT(get->sum, 0);
    EXPECT_LE(get->min, get->max);
    EXPECT_EQ(last_points(h.metric_points(), "db.client.operation.duration").size(), 1u);
    if (sampler == rt::SamplerKind::AlwaysOff) EXPECT_TRUE(failed->exemplars.empty());
  }
}

TEST(OperationMetrics, AttributesInAnotherOrderAreTheSameSeries) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(config_with(rt::SamplerKind::AlwaysOff),
                  [] {
                    const orch_metric_attr ab[] = {{"a", "1", 0}, {"b", nullptr, 2}};
                    const orch_metric_attr ba[] = {{"b", nullptr, 2}, {"a", "1", 0}};
                    api()->op_record(&kDbDuration, api()->op_start(), ab, 2, nullptr);
                    api()->op_record(&kDbDuration, api()->op_start(), ba, 2, nullptr);
                    api()->op_record(&kDbDuration, api()->op_start(), nullptr, 0, nullptr);
                  }),
            0);
  auto points = last_points(h.metric_points(), "db.client.operation.duration");
  ASSERT_EQ(points.size(), 2u);
  uint64_t with_attrs = 0, without = 0;
  for (const auto &p : points) (p.attrs.empty() ? without : with_attrs) += p.count;
  EXPECT_EQ(with_attrs, 2u);
  EXPECT_EQ(without, 1u);
}

TEST(OperationMetrics, ASampledSpanIsTheExemplar) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(config_with(rt::SamplerKind::AlwaysOn), [] { operation(kClientDuration, "GET", 200); }), 0);
  auto points = last_points(h.metric_points(), "http.client.request.duration");
  ASSERT_EQ(points.size(), 1u);
  ASSERT_EQ(points[0].exemplars.size(), 1u);
  const auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(points[0].exemplars[0].substr(0, 32 + 1 + 16), spans[0].trace_id + " " + spans[0].span_id);
}

TEST(OperationMetrics, SeriesBeyondTheLimitGoToTheOverflowSeries) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(config_with(rt::SamplerKind::AlwaysOff),
                  [] {
                    for (int i = 0; i < 2100; ++i) {
                      const std::string path = "/item/" + std::to_string(i);
                      const orch_metric_attr attrs[] = {{"url.path", path.c_str(), 0}};
                      api()->op_record(&kClientDuration, api()->op_start(), attrs, 1, nullptr);
                    }
                  }),
            0);
  auto points = last_points(h.metric_points(), "http.client.request.duration");
  ASSERT_EQ(points.size(), 2001u);
  uint64_t overflow = 0;
  for (const auto &p : points)
    if (p.attrs.count("otel.metric.overflow")) {
      EXPECT_EQ(p.attrs.at("otel.metric.overflow"), "true");
      overflow += p.count;
    }
  EXPECT_EQ(overflow, 100u);
}

TEST(OperationMetrics, DeltaPointsCountTheirIntervalOnly) {
  RuntimeHarness h;
  rt::Config c = config_with(rt::SamplerKind::AlwaysOff);
  c.metrics.temporality = rt::TemporalityPreference::Delta;
  ASSERT_EQ(h.run(c,
                  [] {
                    for (int round = 1; round <= 3; ++round) {
                      for (int i = 0; i < round; ++i) operation(kDbDuration, "GET", 0, false);
                      orch_flush(5000);
                    }
                  }),
            0);
  std::vector<uint64_t> counts;
  for (const auto &p : h.metric_points())
    if (p.metric == "db.client.operation.duration") counts.push_back(p.count);
  EXPECT_EQ(counts, (std::vector<uint64_t>{1, 2, 3}));
}

TEST(OperationMetrics, NothingIsMeasuredWithoutAMetricExporter) {
  RuntimeHarness h;
  rt::Config c = config_with(rt::SamplerKind::AlwaysOn);
  c.metrics.exporters.clear();
  ASSERT_EQ(h.run(c,
                  [] {
                    CHILD_CHECK(api()->op_start() == 0);
                    operation(kClientDuration, "GET", 200);
                  }),
            0);
  EXPECT_TRUE(h.metric_points().empty());
}

}  // namespace
}  // namespace orch::test
