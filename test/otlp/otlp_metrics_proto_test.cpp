// Golden bytes of the metrics protobuf encoder; the OpenTelemetry project's
// decoder reads the same requests in the otlp-metrics-receiver tests.
#include "export/otlp_metrics_proto.h"

#include <gtest/gtest.h>

#include "proto_bytes.h"
#include "test_metrics.h"

namespace orch::test {
namespace {

using rt::MetricType;
using rt::MetricView;
using rt::Temporality;

std::string metric_bytes(const MetricView &metric) {
  rt::OtlpMetricsProtoEncoder encoder;
  return only_item_hex(encoder.encode({&metric, 1}, rt::ResourceView{}));
}

TEST(OtlpMetricsProto, GoldenRequestWithAMonotonicSum) {
  rt::SumPointView point;
  point.value = 5;
  MetricView m;
  m.name = "m";
  m.type = MetricType::Sum;
  m.sum_points = {&point, 1};
  rt::OtlpMetricsProtoEncoder encoder;
  EXPECT_EQ(hex(encoder.encode({&m, 1}, rt::ResourceView{})),
            "0a 1c "                                      // resource_metrics, 28 bytes
            "0a 00 "                                      //  resource
            "12 18 "                                      //  scope_metrics, 24 bytes
            "0a 00 "                                      //   scope
            "12 14 "                                      //   metric, 20 bytes
            "0a 01 6d "                                   //    name "m"
            "3a 0f "                                      //    sum, 15 bytes
            "0a 09 31 05 00 00 00 00 00 00 00 "           //     data_points{as_int 5 (sfixed64)}
            "10 02 "                                      //     aggregation_temporality CUMULATIVE
            "18 01");                                     //     is_monotonic
}

TEST(OtlpMetricsProto, ExponentialHistogramPoint) {
  rt::ExponentialPointView p;
  p.count = 2;
  p.sum = 1;
  p.min = 0.5;
  p.max = 1;
  p.scale = -1;
  p.positive_offset = -1;
  const uint64_t counts[] = {1, 1};
  p.positive_counts = counts;
  MetricView m;
  m.name = "e";
  m.type = MetricType::ExponentialHistogram;
  m.temporality = Temporality::Delta;
  m.exponential_points = {&p, 1};
  EXPECT_EQ(metric_bytes(m),
            "0a 01 65 "                                   // name "e"
            "52 32 "                                      // exponential_histogram, 50 bytes
            "0a 2e "                                      //  data_points, 46 bytes
            "21 02 00 00 00 00 00 00 00 "                 //   count 2 (fixed64)
            "29 00 00 00 00 00 00 f0 3f "                 //   sum 1.0
            "30 01 "                                      //   scale -1 (sint32)
            "42 06 08 01 12 02 01 01 "                    //   positive{offset -1, bucket_counts [1, 1]}
            "61 00 00 00 00 00 00 e0 3f "                 //   min 0.5
            "69 00 00 00 00 00 00 f0 3f "                 //   max 1.0
            "10 01");                                     //  aggregation_temporality DELTA
}

TEST(OtlpMetricsProto, ExplicitHistogramPoint) {
  rt::ExplicitPointView p;
  p.count = 3;
  p.sum = 0.75;
  p.min = 0.25;
  p.max = 0.5;
  const double bounds[] = {0.5};
  const uint64_t counts[] = {1, 2};
  p.explicit_bounds = bounds;
  p.bucket_counts = counts;
  MetricView m;
  m.name = "h";
  m.type = MetricType::Histogram;
  m.explicit_points = {&p, 1};
  EXPECT_EQ(metric_bytes(m),
            "0a 01 68 "                                   // name "h"
            "4a 44 "                                      // histogram, 68 bytes
            "0a 40 "                                      //  data_points, 64 bytes
            "21 03 00 00 00 00 00 00 00 "                 //   count 3
            "29 00 00 00 00 00 00 e8 3f "                 //   sum 0.75
            "32 10 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 "  // bucket_counts (packed fixed64)
            "3a 08 00 00 00 00 00 00 e0 3f "              //   explicit_bounds (packed double)
            "59 00 00 00 00 00 00 d0 3f "                 //   min 0.25
            "61 00 00 00 00 00 00 e0 3f "                 //   max 0.5
            "10 02");                                     //  aggregation_temporality CUMULATIVE
}

TEST(OtlpMetricsProto, ExemplarsCarryTheTraceOfTheMeasurement) {
  SampleMetrics sample;
  const std::string exemplar =
      "2e "                                               // 46 bytes
      "11 dc 05 00 00 00 00 00 00 "                       // time_unix_nano 1500
      "19 9a 99 99 99 99 99 c9 3f "                       // as_double 0.2
      "22 08 11 12 13 14 15 16 17 18 "                    // span_id
      "2a 10 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10";  // trace_id
  EXPECT_NE(metric_bytes(sample.all[1]).find("5a " + exemplar), std::string::npos)
      << "exponential point, field 11";
  EXPECT_NE(metric_bytes(sample.all[2]).find("42 " + exemplar), std::string::npos)
      << "explicit point, field 8";
}

TEST(OtlpMetricsProto, EncoderIsReusableAcrossRequestsOfDifferentSizes) {
  SampleMetrics sample;
  rt::OtlpMetricsProtoEncoder encoder, fresh;
  const std::string all(encoder.encode(sample.metrics(), sample.resource));
  const std::string one(encoder.encode(sample.metrics().first(1), sample.resource));
  EXPECT_EQ(one, fresh.encode(sample.metrics().first(1), sample.resource));
  EXPECT_EQ(all, encoder.encode(sample.metrics(), sample.resource));
  EXPECT_EQ(hex(encoder.encode({}, rt::ResourceView{})), "0a 06 0a 00 12 02 0a 00");
}

}  // namespace
}  // namespace orch::test
