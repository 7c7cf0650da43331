// The OTLP/HTTP exporters (spans, metrics) against a scripted local HTTP
// server: what goes on the wire, keep-alive, and the retry policy under a
// deadline and collector faults, for both signals.
#include "export/otlp_exporter.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <memory>

#include "local_http_sink.h"
#include "export/otlp_json.h"
#include "export/otlp_metric_exporter.h"
#include "export/otlp_metrics_json.h"
#include "export/otlp_metrics_proto.h"
#include "export/otlp_proto.h"
#include "test_metrics.h"
#include "test_spans.h"

namespace orch::test {
namespace {

using namespace std::chrono;
using rt::ExportResult;
using Reply = LocalHttpSink::Reply;
using Action = LocalHttpSink::Action;

struct Batch {
  rt::SpanView span = basic_span();
  AttrView attrs[1] = {str_attr("k", "v")};
  AttrView resource_attrs[1] = {str_attr("service.name", "test")};
  rt::ResourceView resource{resource_attrs, "orch", "0"};
  Batch() {
    span.name = "op";
    span.attributes = attrs;
  }
  std::span<const rt::SpanView> spans() const { return {&span, 1}; }
};

rt::OtlpConfig config_for(const LocalHttpSink &sink) {
  rt::OtlpConfig config;
  config.endpoint = sink.url();
  return config;
}

steady_clock::time_point in(milliseconds ms) { return steady_clock::now() + ms; }

std::string gunzip(std::string_view in) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out(in.size() * 20 + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef *>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return rc == Z_STREAM_END ? out : "<bad gzip>";
}

TEST(OtlpExporter, PostsProtobufWithHeadersOverOneKeptAliveConnection) {
  LocalHttpSink sink;
  rt::OtlpConfig config = config_for(sink);
  config.headers = {{"api-key", "s3cret"}};
  auto exporter = rt::make_otlp_exporter(config);
  Batch batch;
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(5))),
              ExportResult::Success) << exporter->last_error();

  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(sink.connection_count(), 1u);
  const std::string &head = requests[0].head;
  EXPECT_TRUE(head.starts_with("POST /v1/traces HTTP/1.1\r\n")) << head;
  EXPECT_NE(head.find("Content-Type: application/x-protobuf\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("api-key: s3cret\r\n"), std::string::npos) << head;
  EXPECT_EQ(head.find("Content-Encoding"), std::string::npos) << head;
  rt::OtlpProtoEncoder encoder;
  EXPECT_EQ(requests[0].body, encoder.encode(batch.spans(), batch.resource));
}

TEST(OtlpExporter, PostsGzippedJson) {
  LocalHttpSink sink;
  rt::OtlpConfig config = config_for(sink);
  config.protocol = rt::OtlpProtocol::HttpJson;
  config.gzip = true;
  auto exporter = rt::make_otlp_exporter(config);
  Batch batch;
  ASSERT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(5))),
            ExportResult::Success) << exporter->last_error();
  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].head.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(requests[0].head.find("Content-Encoding: gzip\r\n"), std::string::npos);
  std::string json;
  rt::encode_otlp_json(batch.spans(), batch.resource, json);
  EXPECT_EQ(gunzip(requests[0].body), json);
}

TEST(OtlpExporter, EmptyBatchSendsNothing) {
  LocalHttpSink sink;
  auto exporter = rt::make_otlp_exporter(config_for(sink));
  Batch batch;
  EXPECT_EQ(exporter->export_spans({}, batch.resource, in(seconds(1))), ExportResult::Success);
  EXPECT_EQ(sink.request_count(), 0u);
}

TEST(OtlpExporter, ReadsPartialSuccessFromProtobufAndJsonAnswers) {
  LocalHttpSink sink;
  const char proto_answer[] = "\x0a\x0b\x08\x01\x12\x07too old";  // rejected_spans 1, "too old"
  sink.script({{Action::Respond, 200, "", std::string(proto_answer, sizeof proto_answer - 1)},
               {Action::Respond, 200, "", R"({"partialSuccess":{"rejectedSpans":"1","errorMessage":"bad attr"}})"},
               {Action::Respond, 200, "", "{}"}});
  Batch batch;
  auto proto = rt::make_otlp_exporter(config_for(sink));
  EXPECT_EQ(proto->export_spans(batch.spans(), batch.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(proto->rejected_spans(), 1u);
  EXPECT_EQ(proto->partial_error(), "too old");
  rt::OtlpConfig json_config = config_for(sink);
  json_config.protocol = rt::OtlpProtocol::HttpJson;
  auto json = rt::make_otlp_exporter(json_config);
  EXPECT_EQ(json->export_spans(batch.spans(), batch.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(json->rejected_spans(), 1u);
  EXPECT_EQ(json->partial_error(), "bad attr");
  EXPECT_EQ(json->export_spans(batch.spans(), batch.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(json->rejected_spans(), 0u) << "each export starts from full success";
}

// The sender's retry policy, the same for both signals: each test runs with
// the span exporter and with the metric exporter.
class SignalExporter {
public:
  virtual ~SignalExporter() = default;
  virtual ExportResult export_once(steady_clock::time_point deadline) = 0;
  virtual std::string last_error() const = 0;
};

class SpanSignal final : public SignalExporter {
public:
  explicit SpanSignal(const rt::OtlpConfig &config) : exporter_(rt::make_otlp_exporter(config)) {}
  ExportResult export_once(steady_clock::time_point deadline) override {
    return exporter_->export_spans(batch_.spans(), batch_.resource, deadline);
  }
  std::string last_error() const override { return exporter_->last_error(); }

private:
  std::unique_ptr<rt::Exporter> exporter_;
  Batch batch_;
};

class MetricSignal final : public SignalExporter {
public:
  explicit MetricSignal(const rt::OtlpConfig &config) : exporter_(rt::make_otlp_metric_exporter(config)) {}
  ExportResult export_once(steady_clock::time_point deadline) override {
    return exporter_->export_metrics(sample_.metrics(), sample_.resource, deadline);
  }
  std::string last_error() const override { return exporter_->last_error(); }

private:
  std::unique_ptr<rt::MetricExporter> exporter_;
  SampleMetrics sample_;
};

enum class Signal { Traces, Metrics };

class CollectorFaults : public ::testing::TestWithParam<Signal> {
protected:
  const char *path() const { return GetParam() == Signal::Traces ? "/v1/traces" : "/v1/metrics"; }
  rt::OtlpConfig config_for(const LocalHttpSink &sink) const {
    rt::OtlpConfig config;
    config.endpoint = "http://127.0.0.1:" + std::to_string(sink.port()) + path();
    return config;
  }
  std::unique_ptr<SignalExporter> make_exporter(const rt::OtlpConfig &config) const {
    if (GetParam() == Signal::Traces) return std::make_unique<SpanSignal>(config);
    return std::make_unique<MetricSignal>(config);
  }
};

TEST_P(CollectorFaults, RetriesAfterTheDelayTheCollectorAsksFor) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503, "Retry-After: 1\r\n"}});
  auto exporter = make_exporter(config_for(sink));
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_once(in(seconds(5))),
            ExportResult::Success) << exporter->last_error();
  EXPECT_GE(steady_clock::now() - start, milliseconds(990));
  EXPECT_EQ(sink.request_count(), 2u);
}

TEST_P(CollectorFaults, RetriesThrottlingGatewayErrorsBrokenConnectionsAndGarbage) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 429}, {Action::Respond, 502}, {Action::Respond, 504},
               {Action::CloseMidRequest}, {Action::Garbage}});
  auto exporter = make_exporter(config_for(sink));
  // Backoff: at most 250 + 500 + 1000 + 2000 + 4000 ms.
  EXPECT_EQ(exporter->export_once(in(seconds(10))),
            ExportResult::Success) << exporter->last_error();
  EXPECT_EQ(sink.request_count(), 5u);  // the mid-request close is not counted as a request
}

TEST_P(CollectorFaults, BadRequestAndServerErrorAreNotRetried) {
  for (int status : {400, 404, 500}) {
    LocalHttpSink sink;
    sink.script({{Action::Respond, status}});
    auto exporter = make_exporter(config_for(sink));
    EXPECT_EQ(exporter->export_once(in(seconds(5))),
              ExportResult::PermanentFailure);
    EXPECT_EQ(sink.request_count(), 1u);
    EXPECT_NE(exporter->last_error().find("HTTP " + std::to_string(status)), std::string::npos)
        << exporter->last_error();
  }
}

TEST_P(CollectorFaults, CollectorThatNeverAnswersCostsNoMoreThanTheDeadline) {
  LocalHttpSink sink;
  sink.script({{Action::NeverAnswer}});
  auto exporter = make_exporter(config_for(sink));
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_once(in(milliseconds(400))),
            ExportResult::RetryableFailure);
  const auto elapsed = steady_clock::now() - start;
  EXPECT_GE(elapsed, milliseconds(390));
  EXPECT_LT(elapsed, milliseconds(600));
  EXPECT_NE(exporter->last_error().find("timed out"), std::string::npos) << exporter->last_error();
}

TEST_P(CollectorFaults, ConfiguredTimeoutBoundsALaterDeadline) {
  LocalHttpSink sink;
  sink.script({{Action::NeverAnswer}});
  rt::OtlpConfig config = config_for(sink);
  config.timeout = milliseconds(300);
  auto exporter = make_exporter(config);
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_once(in(seconds(30))),
            ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - start, milliseconds(500));
}

TEST_P(CollectorFaults, CollectorDownIsRetriedUntilTheDeadline) {
  int port;
  {
    LocalHttpSink gone;
    port = gone.port();
  }
  rt::OtlpConfig config;
  config.endpoint = "http://127.0.0.1:" + std::to_string(port) + path();
  auto exporter = make_exporter(config);
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_once(in(milliseconds(1000))),
            ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - start, milliseconds(1100));
  EXPECT_NE(exporter->last_error().find("attempt "), std::string::npos);
  EXPECT_EQ(exporter->last_error().find("attempt 1 "), std::string::npos)
      << "expected retries: " << exporter->last_error();
}

TEST_P(CollectorFaults, RetryAfterBeyondTheDeadlineGivesUpAtOnce) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503, "Retry-After: 60\r\n"}});
  auto exporter = make_exporter(config_for(sink));
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_once(in(seconds(5))),
            ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - start, milliseconds(500));
  EXPECT_NE(exporter->last_error().find("HTTP 503"), std::string::npos) << exporter->last_error();
  EXPECT_NE(exporter->last_error().find("Retry-After: 60"), std::string::npos) << exporter->last_error();
}

TEST_P(CollectorFaults, ExportResumesWhenTheCollectorRecovers) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503, "Retry-After: 60\r\n"}});
  auto exporter = make_exporter(config_for(sink));
  EXPECT_EQ(exporter->export_once(in(seconds(1))),
            ExportResult::RetryableFailure);
  EXPECT_EQ(exporter->export_once(in(seconds(1))),
            ExportResult::Success) << exporter->last_error();
}

INSTANTIATE_TEST_SUITE_P(BothSignals, CollectorFaults, ::testing::Values(Signal::Traces, Signal::Metrics),
                         [](const auto &info) { return info.param == Signal::Traces ? "Traces" : "Metrics"; });

rt::OtlpConfig metrics_config_for(const LocalHttpSink &sink) {
  rt::OtlpConfig config;
  config.endpoint = "http://127.0.0.1:" + std::to_string(sink.port()) + "/v1/metrics";
  return config;
}

TEST(OtlpMetricExporter, PostsProtobufToTheMetricsEndpoint) {
  LocalHttpSink sink;
  rt::OtlpConfig config = metrics_config_for(sink);
  config.headers = {{"api-key", "s3cret"}};
  auto exporter = rt::make_otlp_metric_exporter(config);
  SampleMetrics sample;
  ASSERT_EQ(exporter->export_metrics(sample.metrics(), sample.resource, in(seconds(5))), ExportResult::Success)
      << exporter->last_error();
  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 1u);
  const std::string &head = requests[0].head;
  EXPECT_TRUE(head.starts_with("POST /v1/metrics HTTP/1.1\r\n")) << head;
  EXPECT_NE(head.find("Content-Type: application/x-protobuf\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("api-key: s3cret\r\n"), std::string::npos) << head;
  rt::OtlpMetricsProtoEncoder encoder;
  EXPECT_EQ(requests[0].body, encoder.encode(sample.metrics(), sample.resource));
}

TEST(OtlpMetricExporter, PostsGzippedJsonAndRetriesUnavailable) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503, "Retry-After: 0\r\n"}});
  rt::OtlpConfig config = metrics_config_for(sink);
  config.protocol = rt::OtlpProtocol::HttpJson;
  config.gzip = true;
  auto exporter = rt::make_otlp_metric_exporter(config);
  SampleMetrics sample;
  ASSERT_EQ(exporter->export_metrics(sample.metrics(), sample.resource, in(seconds(5))), ExportResult::Success)
      << exporter->last_error();
  const auto requests = sink.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[1].head.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(requests[1].head.find("Content-Encoding: gzip\r\n"), std::string::npos);
  std::string json;
  rt::encode_otlp_metrics_json(sample.metrics(), sample.resource, json);
  EXPECT_EQ(gunzip(requests[1].body), json);
}

TEST(OtlpMetricExporter, ReadsRejectedDataPointsFromProtobufAndJsonAnswers) {
  LocalHttpSink sink;
  const char proto_answer[] = "\x0a\x0b\x08\x03\x12\x07too old";  // rejected_data_points 3, "too old"
  sink.script({{Action::Respond, 200, "", std::string(proto_answer, sizeof proto_answer - 1)},
               {Action::Respond, 200, "", R"({"partialSuccess":{"rejectedDataPoints":"99","errorMessage":"no"}})"}});
  SampleMetrics sample;  // 4 data points
  auto proto = rt::make_otlp_metric_exporter(metrics_config_for(sink));
  EXPECT_EQ(proto->export_metrics(sample.metrics(), sample.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(proto->rejected_data_points(), 3u);
  EXPECT_EQ(proto->partial_error(), "too old");
  rt::OtlpConfig json_config = metrics_config_for(sink);
  json_config.protocol = rt::OtlpProtocol::HttpJson;
  auto json = rt::make_otlp_metric_exporter(json_config);
  EXPECT_EQ(json->export_metrics(sample.metrics(), sample.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(json->rejected_data_points(), 4u) << "at most the points sent";
}

TEST(OtlpMetricExporter, BadRequestIsAPermanentFailureAndNothingToSendSendsNothing) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 400, "", "bad metric"}});
  auto exporter = rt::make_otlp_metric_exporter(metrics_config_for(sink));
  SampleMetrics sample;
  EXPECT_EQ(exporter->export_metrics(sample.metrics(), sample.resource, in(seconds(5))),
            ExportResult::PermanentFailure);
  EXPECT_NE(exporter->last_error().find("HTTP 400 (bad metric"), std::string::npos) << exporter->last_error();
  EXPECT_EQ(exporter->export_metrics({}, sample.resource, in(seconds(5))), ExportResult::Success);
  EXPECT_EQ(sink.request_count(), 1u);
}

}  // namespace
}  // namespace orch::test
