// make_configured_metric_exporter: one exporter per kind of
// OTEL_METRICS_EXPORTER, a fan-out for several, none for an empty list.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include "export/metric_exporter.h"
#include "local_http_sink.h"
#include "test_metrics.h"

namespace orch::test {
namespace {

using rt::MetricExporterKind;

TEST(MakeMetricExporter, NoneForAnEmptyList) {
  rt::MetricsConfig config;
  config.exporters.clear();
  EXPECT_EQ(rt::make_configured_metric_exporter(config), nullptr);
}

TEST(MakeMetricExporter, OtlpToTheMetricsEndpointBesideTheConsole) {
  LocalHttpSink sink;
  const std::string url = "http://127.0.0.1:" + std::to_string(sink.port()) + "/custom/path";
  setenv("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", url.c_str(), 1);
  rt::MetricsConfig config;
  config.exporters = {MetricExporterKind::Otlp, MetricExporterKind::Console};
  auto exporter = rt::make_configured_metric_exporter(config);
  unsetenv("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
  ASSERT_NE(exporter, nullptr);
  SampleMetrics sample;
  EXPECT_EQ(exporter->export_metrics(sample.metrics(), sample.resource,
                                     std::chrono::steady_clock::now() + std::chrono::seconds(5)),
            rt::ExportResult::Success)
      << exporter->last_error();
  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(requests[0].head.starts_with("POST /custom/path HTTP/1.1\r\n")) << requests[0].head;
}

TEST(MakeMetricExporter, FileToItsConfiguredPath) {
  char dir[] = "/tmp/orch-make-metric-exporter.XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  rt::MetricsConfig config;
  config.exporters = {MetricExporterKind::File};
  config.file_path = std::string(dir) + "/m.jsonl";
  auto exporter = rt::make_configured_metric_exporter(config);
  ASSERT_NE(exporter, nullptr);
  SampleMetrics sample;
  EXPECT_EQ(exporter->export_metrics(sample.metrics(), sample.resource,
                                     std::chrono::steady_clock::now() + std::chrono::seconds(5)),
            rt::ExportResult::Success)
      << exporter->last_error();
  EXPECT_EQ(unlink(config.file_path.c_str()), 0);
  EXPECT_EQ(rmdir(dir), 0);
}

}  // namespace
}  // namespace orch::test
