// Exports the sample metrics once through the exporter OTEL_METRICS_EXPORTER
// and OTEL_EXPORTER_OTLP_* select, as the runtime would; for
// metrics_receiver_test.js. Prints the partial success, if any; exits 1 if
// the export failed.
#include <cstdio>

#include "config/metrics_config.h"
#include "export/metric_exporter.h"
#include "test_metrics.h"

int main() {
  using namespace orch;
  const rt::MetricsConfig config = rt::metrics_config_from_env(rt::EnvReader(rt::process_env(), rt::warn_stderr));
  auto exporter = rt::make_configured_metric_exporter(config);
  if (!exporter) return 1;
  test::SampleMetrics sample;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  if (exporter->export_metrics(sample.metrics(), sample.resource, deadline) != rt::ExportResult::Success) {
    std::fprintf(stderr, "export failed: %s\n", exporter->last_error().c_str());
    return 1;
  }
  if (exporter->rejected_data_points())
    std::printf("rejected %llu: %s\n", static_cast<unsigned long long>(exporter->rejected_data_points()),
                exporter->partial_error().c_str());
  return 0;
}
