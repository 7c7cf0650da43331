#include "export/console_metric_exporter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "test_metrics.h"

namespace orch::test {
namespace {

std::string print(std::span<const rt::MetricView> metrics, const rt::ResourceView &resource) {
  char *text = nullptr;
  size_t size = 0;
  std::FILE *out = open_memstream(&text, &size);
  rt::ConsoleMetricExporter exporter(out);
  EXPECT_EQ(exporter.export_metrics(metrics, resource, std::chrono::steady_clock::now()), rt::ExportResult::Success);
  std::fclose(out);
  std::string s(text, size);
  std::free(text);
  return s;
}

TEST(ConsoleMetricExporter, OneBlockPerMetricOneLinePerPoint) {
  SampleMetrics sample;
  EXPECT_EQ(print(sample.metrics(), sample.resource),
            "orch.calls {call}  sum, monotonic, cumulative\n"
            "    code.function.name=\"handle\"  42\n"
            "    code.function.name=\"load\" error=true  7\n"
            "orch.duration s  exponential histogram, delta\n"
            "    code.function.name=\"handle\"  count 10  sum 1.9 s  min 0 s  max 240 ms  p50 223 ms  p90 240 ms  p99 240 ms\n"
            "orch.duration.explicit s  histogram, cumulative\n"
            "    code.function.name=\"load\" error=true  count 10  sum 2.5 s  min 2 ms  max 1.5 s  p50 46 ms  p90 1 s  p99 1.45 s\n");
}

TEST(ConsoleMetricExporter, ValuesInOtherUnitsArePlainNumbers) {
  rt::SumPointView point;
  point.value = -3;
  rt::ExplicitPointView histogram;
  histogram.count = 1;
  histogram.sum = histogram.min = histogram.max = 1500;
  rt::MetricView m[2];
  m[0].name = "queue.depth";
  m[0].monotonic = false;
  m[0].temporality = rt::Temporality::Delta;
  m[0].sum_points = {&point, 1};
  m[1].name = "body.size";
  m[1].unit = "By";
  m[1].type = rt::MetricType::Histogram;
  m[1].explicit_points = {&histogram, 1};
  EXPECT_EQ(print(m, rt::ResourceView{}),
            "queue.depth  sum, delta\n"
            "    (no attributes)  -3\n"
            "body.size By  histogram, cumulative\n"
            "    (no attributes)  count 1  sum 1500 By  min 1500 By  max 1500 By  p50 1500 By  p90 1500 By  p99 1500 By\n");
}

}  // namespace
}  // namespace orch::test
