// One export of each metric type, shared by the metric encoder and exporter
// tests and by the program the OTLP receiver decodes (metrics_export_program).
#pragma once

#include <span>

#include "metric_data.h"
#include "test_spans.h"

namespace orch::test {

struct SampleMetrics {
  AttrView handle[1] = {str_attr("code.function.name", "handle")};
  AttrView load[2] = {str_attr("code.function.name", "load"), bool_attr("error", true)};
  AttrView resource_attrs[1] = {str_attr("service.name", "metrics-test")};
  rt::ResourceView resource{resource_attrs, "orch", "1.2.3"};

  rt::SumPointView calls[2];
  rt::ExponentialPointView exponential[1];
  uint64_t exponential_counts[4] = {2, 0, 3, 4};
  rt::ExplicitPointView explicit_[1];
  double bounds[3] = {0.01, 0.1, 1};
  uint64_t explicit_counts[4] = {3, 5, 1, 1};
  rt::ExemplarView exemplars[1];
  rt::MetricView all[3];

  SampleMetrics() {
    calls[0] = {handle, 1000, 2000, 42};
    calls[1] = {load, 1000, 2000, 7};

    rt::SpanView ids = basic_span();
    exemplars[0].time_unix_nano = 1500;
    exemplars[0].value = 0.2;
    std::memcpy(exemplars[0].trace_id, ids.trace_id, 16);
    std::memcpy(exemplars[0].span_id, ids.span_id, 8);

    rt::ExponentialPointView &e = exponential[0];
    e.attributes = handle;
    e.start_unix_nano = 1000;
    e.time_unix_nano = 2000;
    e.count = 10;
    e.sum = 1.9;
    e.min = 0;  // the zero_count
    e.max = 0.24;
    e.scale = 3;
    e.zero_count = 1;
    e.positive_offset = -20;  // (2^(-20/8), 2^(-19/8)] = (0.177, 0.193]
    e.positive_counts = exponential_counts;
    e.exemplars = exemplars;

    rt::ExplicitPointView &h = explicit_[0];
    h.attributes = load;
    h.start_unix_nano = 1000;
    h.time_unix_nano = 2000;
    h.count = 10;
    h.sum = 2.5;
    h.min = 0.002;
    h.max = 1.5;
    h.explicit_bounds = bounds;
    h.bucket_counts = explicit_counts;
    h.exemplars = exemplars;

    all[0].name = "orch.calls";
    all[0].description = "Calls of instrumented functions";
    all[0].unit = "{call}";
    all[0].type = rt::MetricType::Sum;
    all[0].temporality = rt::Temporality::Cumulative;
    all[0].sum_points = calls;

    all[1].name = "orch.duration";
    all[1].unit = "s";
    all[1].type = rt::MetricType::ExponentialHistogram;
    all[1].temporality = rt::Temporality::Delta;
    all[1].exponential_points = exponential;

    all[2].name = "orch.duration.explicit";
    all[2].unit = "s";
    all[2].type = rt::MetricType::Histogram;
    all[2].temporality = rt::Temporality::Cumulative;
    all[2].explicit_points = explicit_;
  }
  SampleMetrics(const SampleMetrics &) = delete;  // the views point into the object
  std::span<const rt::MetricView> metrics() const { return all; }
};

}  // namespace orch::test
