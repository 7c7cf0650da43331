#include "export/otlp_metrics_json.h"

#include <gtest/gtest.h>

#include "test_metrics.h"

namespace orch::test {
namespace {

TEST(OtlpMetricsJson, GoldenRequestWithEachMetricType) {
  SampleMetrics sample;
  std::string out;
  rt::encode_otlp_metrics_json(sample.metrics(), sample.resource, out);
  EXPECT_EQ(out,
            R"({"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"metrics-test"}}]},)"
            R"("scopeMetrics":[{"scope":{"name":"orch","version":"1.2.3"},"metrics":[)"
            R"({"name":"orch.calls","description":"Calls of instrumented functions","unit":"{call}","sum":{"dataPoints":[)"
            R"({"startTimeUnixNano":"1000","timeUnixNano":"2000",)"
            R"("attributes":[{"key":"code.function.name","value":{"stringValue":"handle"}}],"asInt":"42"},)"
            R"({"startTimeUnixNano":"1000","timeUnixNano":"2000","attributes":[{"key":"code.function.name",)"
            R"("value":{"stringValue":"load"}},{"key":"error","value":{"boolValue":true}}],"asInt":"7"}],)"
            R"("isMonotonic":true,"aggregationTemporality":2}},)"
            R"({"name":"orch.duration","unit":"s","exponentialHistogram":{"dataPoints":[)"
            R"({"startTimeUnixNano":"1000","timeUnixNano":"2000",)"
            R"("attributes":[{"key":"code.function.name","value":{"stringValue":"handle"}}],)"
            R"("count":"10","sum":1.9,"min":0,"max":0.24,"exemplars":[{"timeUnixNano":"1500","asDouble":0.2,)"
            R"("spanId":"1112131415161718","traceId":"0102030405060708090a0b0c0d0e0f10"}],)"
            R"("scale":3,"zeroCount":"1","positive":{"offset":-20,"bucketCounts":["2","0","3","4"]}}],)"
            R"("aggregationTemporality":1}},)"
            R"({"name":"orch.duration.explicit","unit":"s","histogram":{"dataPoints":[)"
            R"({"startTimeUnixNano":"1000","timeUnixNano":"2000","attributes":[{"key":"code.function.name",)"
            R"("value":{"stringValue":"load"}},{"key":"error","value":{"boolValue":true}}],)"
            R"("count":"10","sum":2.5,"min":0.002,"max":1.5,"exemplars":[{"timeUnixNano":"1500","asDouble":0.2,)"
            R"("spanId":"1112131415161718","traceId":"0102030405060708090a0b0c0d0e0f10"}],)"
            R"("bucketCounts":["3","5","1","1"],"explicitBounds":[0.01,0.1,1]}],"aggregationTemporality":2}}]}]}]})");
}

TEST(OtlpMetricsJson, AnEmptyPointHasNoSumMinOrMax) {
  rt::ExplicitPointView p;
  rt::MetricView m;
  m.name = "h";
  m.type = rt::MetricType::Histogram;
  m.explicit_points = {&p, 1};
  std::string out;
  rt::encode_otlp_metrics_json({&m, 1}, rt::ResourceView{}, out);
  EXPECT_NE(out.find(R"("count":"0","bucketCounts":[],"explicitBounds":[]})"), std::string::npos) << out;
}

}  // namespace
}  // namespace orch::test
