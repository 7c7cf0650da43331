// metrics_config_from_env: the OpenTelemetry metrics SDK variables and
// ORCH_METRICS_HISTOGRAM_BOUNDARIES; every bad value warns once.
#include "config/metrics_config.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace orch::test {
namespace {

using rt::HistogramAggregation;
using rt::MetricExporterKind;
using rt::MetricsConfig;
using rt::Temporality;
using rt::TemporalityPreference;

struct FakeEnv {
  std::map<std::string, std::string> vars;
  std::vector<std::string> warnings;

  MetricsConfig config() {
    warnings.clear();
    return rt::metrics_config_from_env(rt::EnvReader(
        [this](const char *name) -> const char * {
          auto it = vars.find(name);
          return it == vars.end() ? nullptr : it->second.c_str();
        },
        [this](std::string_view m) { warnings.emplace_back(m); }));
  }
};

TEST(MetricsConfig, Defaults) {
  FakeEnv env;
  const MetricsConfig c = env.config();
  EXPECT_EQ(c.exporters, std::vector{MetricExporterKind::Otlp});
  EXPECT_EQ(c.file_path, "orch-metrics.jsonl");
  EXPECT_EQ(c.interval_ms, 60000u);
  EXPECT_EQ(c.timeout_ms, 30000u);
  EXPECT_EQ(c.temporality, TemporalityPreference::Cumulative);
  EXPECT_EQ(c.histogram, HistogramAggregation::Base2Exponential);
  EXPECT_EQ(c.explicit_bounds.size(), 14u);
  EXPECT_TRUE(env.warnings.empty());
}

TEST(MetricsConfig, ReadsEverySetting) {
  FakeEnv env;
  env.vars = {{"OTEL_METRICS_EXPORTER", " Console, otlp ,console,FILE"},
              {"ORCH_METRICS_FILE_PATH", "/tmp/m.jsonl"},
              {"OTEL_METRIC_EXPORT_INTERVAL", "1000"},
              {"OTEL_METRIC_EXPORT_TIMEOUT", "250"},
              {"OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "LowMemory"},
              {"OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION", "explicit_bucket_histogram"},
              {"ORCH_METRICS_HISTOGRAM_BOUNDARIES", "0.001, 0.01,0.1 ,1e1"}};
  const MetricsConfig c = env.config();
  EXPECT_EQ(c.exporters, (std::vector{MetricExporterKind::Console, MetricExporterKind::Otlp, MetricExporterKind::File}));
  EXPECT_EQ(c.file_path, "/tmp/m.jsonl");
  EXPECT_EQ(c.interval_ms, 1000u);
  EXPECT_EQ(c.timeout_ms, 250u);
  EXPECT_EQ(c.temporality, TemporalityPreference::LowMemory);
  EXPECT_EQ(c.histogram, HistogramAggregation::ExplicitBuckets);
  EXPECT_EQ(c.explicit_bounds, (std::vector{0.001, 0.01, 0.1, 10.0}));
  EXPECT_TRUE(env.warnings.empty());
}

TEST(MetricsConfig, NoneRecordsNoMetric) {
  FakeEnv env;
  env.vars = {{"OTEL_METRICS_EXPORTER", "none"}};
  EXPECT_TRUE(env.config().exporters.empty());
  EXPECT_TRUE(env.warnings.empty());
}

TEST(MetricsConfig, UnknownExportersAreIgnoredWithAWarning) {
  FakeEnv env;
  env.vars = {{"OTEL_METRICS_EXPORTER", "prometheus,console"}};
  EXPECT_EQ(env.config().exporters, std::vector{MetricExporterKind::Console});
  ASSERT_EQ(env.warnings.size(), 1u);
  EXPECT_NE(env.warnings[0].find("prometheus"), std::string::npos);
  env.vars = {{"OTEL_METRICS_EXPORTER", "logging"}};
  EXPECT_EQ(env.config().exporters, std::vector{MetricExporterKind::Otlp});
  EXPECT_EQ(env.warnings.size(), 1u);
}

TEST(MetricsConfig, BadValuesWarnOnceEachAndKeepTheDefault) {
  FakeEnv env;
  env.vars = {{"OTEL_METRIC_EXPORT_INTERVAL", "0"},
              {"OTEL_METRIC_EXPORT_TIMEOUT", "soon"},
              {"OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "sometimes"},
              {"OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION", "summary"}};
  const MetricsConfig c = env.config();
  EXPECT_EQ(c.interval_ms, 60000u);
  EXPECT_EQ(c.timeout_ms, 30000u);
  EXPECT_EQ(c.temporality, TemporalityPreference::Cumulative);
  EXPECT_EQ(c.histogram, HistogramAggregation::Base2Exponential);
  EXPECT_EQ(env.warnings.size(), 4u);
}

TEST(MetricsConfig, BoundariesMustBeFiniteAndStrictlyIncreasing) {
  FakeEnv env;
  for (const char *bad : {"0.1,0.1", "1,0.5", "0.1,,1", "0.1,inf", "nan", "1s", ","}) {
    env.vars = {{"ORCH_METRICS_HISTOGRAM_BOUNDARIES", bad}};
    EXPECT_EQ(env.config().explicit_bounds.size(), 14u) << bad;
    EXPECT_EQ(env.warnings.size(), 1u) << bad;
  }
  env.vars = {{"ORCH_METRICS_HISTOGRAM_BOUNDARIES", "-1,0,2.5"}};
  EXPECT_EQ(env.config().explicit_bounds, (std::vector{-1.0, 0.0, 2.5}));
}

TEST(MetricsConfig, CumulativePreferenceKeepsCumulativeTheOthersAreDelta) {
  EXPECT_EQ(rt::temporality_for(TemporalityPreference::Cumulative), Temporality::Cumulative);
  EXPECT_EQ(rt::temporality_for(TemporalityPreference::Delta), Temporality::Delta);
  EXPECT_EQ(rt::temporality_for(TemporalityPreference::LowMemory), Temporality::Delta);
}

}  // namespace
}  // namespace orch::test
