#include "export/otlp_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace orch::test {
namespace {

using rt::OtlpConfig;
using rt::OtlpProtocol;

class OtlpConfigFromEnv : public ::testing::Test {
protected:
  void SetUp() override { clear(); }
  void TearDown() override { clear(); }

  static void clear() {
    for (const char *suffix : {"ENDPOINT", "HEADERS", "PROTOCOL", "COMPRESSION", "TIMEOUT",
                               "CERTIFICATE", "CLIENT_CERTIFICATE", "CLIENT_KEY"}) {
      unsetenv((std::string("OTEL_EXPORTER_OTLP_") + suffix).c_str());
      unsetenv((std::string("OTEL_EXPORTER_OTLP_TRACES_") + suffix).c_str());
      unsetenv((std::string("OTEL_EXPORTER_OTLP_METRICS_") + suffix).c_str());
    }
  }
  OtlpConfig read(rt::OtlpSignal signal = rt::OtlpSignal::Traces) {
    warnings.clear();
    return rt::otlp_config_from_env([this](std::string_view w) { warnings.emplace_back(w); }, signal);
  }
  std::vector<std::string> warnings;
};

TEST_F(OtlpConfigFromEnv, DefaultsWhenNothingIsSet) {
  const OtlpConfig c = read();
  EXPECT_EQ(c.endpoint, "http://localhost:4318/v1/traces");
  EXPECT_EQ(c.protocol, OtlpProtocol::HttpProtobuf);
  EXPECT_TRUE(c.headers.empty());
  EXPECT_FALSE(c.gzip);
  EXPECT_EQ(c.timeout.count(), 10000);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(OtlpConfigFromEnv, BaseEndpointGetsTheSignalPathAppended) {
  for (auto [base, url] : std::vector<std::pair<const char *, const char *>>{
           {"http://collector:4318", "http://collector:4318/v1/traces"},
           {"http://collector:4318/", "http://collector:4318/v1/traces"},
           {"https://collector/mypath", "https://collector/mypath/v1/traces"},
           {"https://collector/mypath/", "https://collector/mypath/v1/traces"}}) {
    setenv("OTEL_EXPORTER_OTLP_ENDPOINT", base, 1);
    EXPECT_EQ(read().endpoint, url);
  }
  EXPECT_TRUE(warnings.empty());
}

TEST_F(OtlpConfigFromEnv, TracesEndpointIsUsedAsIsAndWins) {
  setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318", 1);
  setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:9999/custom", 1);
  EXPECT_EQ(read().endpoint, "http://traces:9999/custom");
}

TEST_F(OtlpConfigFromEnv, MalformedEndpointWarnsOnceAndFallsBack) {
  setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4318", 1);
  setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318", 1);
  EXPECT_EQ(read().endpoint, "http://base:4318/v1/traces");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), std::string::npos);

  unsetenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x", 1);
  EXPECT_EQ(read().endpoint, "http://localhost:4318/v1/traces");
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(OtlpEndpoint, Validation) {
  for (const char *good : {"http://h", "https://h:1/p?q", "HTTP://h:65535", "http://[::1]:4318/v1",
                           "http://user:pw@h:80"})
    EXPECT_TRUE(rt::otlp_endpoint_valid(good)) << good;
  for (const char *bad : {"", "h:4318", "grpc://h", "http://", "http://:80", "http://h:0",
                          "http://h:65536", "http://h:x", "http://h :1", "http://[::1", "http://h:"})
    EXPECT_FALSE(rt::otlp_endpoint_valid(bad)) << bad;
}

TEST_F(OtlpConfigFromEnv, HeadersArePercentDecodedAndSignalSpecificListReplacesGeneral) {
  setenv("OTEL_EXPORTER_OTLP_HEADERS", "general=1", 1);
  setenv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", " api-key = secret%20value , x-b=a%3Db%2Cc ", 1);
  const OtlpConfig c = read();
  ASSERT_EQ(c.headers.size(), 2u);
  EXPECT_EQ(c.headers[0], (std::pair<std::string, std::string>{"api-key", "secret value"}));
  EXPECT_EQ(c.headers[1], (std::pair<std::string, std::string>{"x-b", "a=b,c"}));
  EXPECT_TRUE(warnings.empty());
}

TEST(OtlpHeaders, MalformedEntriesAreSkippedAndReported) {
  std::vector<std::pair<std::string, std::string>> headers;
  EXPECT_FALSE(rt::otlp_parse_headers("good=1,novalue,=x,bad key=1,bad%=%zz,inject=a%0d%0aX: y,,ok=", headers));
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0].first, "good");
  EXPECT_EQ(headers[1], (std::pair<std::string, std::string>{"ok", ""}));
  headers.clear();
  EXPECT_TRUE(rt::otlp_parse_headers("a=1,", headers));
  EXPECT_FALSE(rt::otlp_parse_headers("a=%4", headers));
}

TEST_F(OtlpConfigFromEnv, MalformedHeaderListWarnsOnce) {
  setenv("OTEL_EXPORTER_OTLP_HEADERS", "a=1,broken,c", 1);
  const OtlpConfig c = read();
  ASSERT_EQ(c.headers.size(), 1u);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(OtlpConfigFromEnv, ProtocolJsonGrpcFallbackAndUnknown) {
  setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", 1);
  EXPECT_EQ(read().protocol, OtlpProtocol::HttpJson);
  setenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf", 1);
  EXPECT_EQ(read().protocol, OtlpProtocol::HttpProtobuf);
  setenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc", 1);
  EXPECT_EQ(read().protocol, OtlpProtocol::HttpProtobuf);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("grpc"), std::string::npos);
  setenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "thrift", 1);
  EXPECT_EQ(read().protocol, OtlpProtocol::HttpProtobuf);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(OtlpConfigFromEnv, CompressionAndTimeout) {
  setenv("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip", 1);
  setenv("OTEL_EXPORTER_OTLP_TIMEOUT", "2500", 1);
  OtlpConfig c = read();
  EXPECT_TRUE(c.gzip);
  EXPECT_EQ(c.timeout.count(), 2500);
  setenv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "none", 1);
  setenv("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "0", 1);
  c = read();
  EXPECT_FALSE(c.gzip);
  EXPECT_EQ(c.timeout.count(), 0);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(OtlpConfigFromEnv, BadCompressionAndTimeoutWarnAndKeepDefaults) {
  setenv("OTEL_EXPORTER_OTLP_COMPRESSION", "zstd", 1);
  setenv("OTEL_EXPORTER_OTLP_TIMEOUT", "10s", 1);
  const OtlpConfig c = read();
  EXPECT_FALSE(c.gzip);
  EXPECT_EQ(c.timeout.count(), 10000);
  EXPECT_EQ(warnings.size(), 2u);
}

TEST_F(OtlpConfigFromEnv, UnreadableCertificateIsIgnoredWithAWarning) {
  setenv("OTEL_EXPORTER_OTLP_CERTIFICATE", "/nonexistent/ca.pem", 1);
  EXPECT_TRUE(read().certificate_file.empty());
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(OtlpConfigFromEnv, ClientCertificateAndKeyGoTogether) {
  // Any readable file will do for the configuration: libcurl reads them.
  setenv("OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE", "/proc/self/cmdline", 1);
  OtlpConfig c = read();
  EXPECT_TRUE(c.client_certificate_file.empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("without its CLIENT_KEY"), std::string::npos) << warnings[0];

  setenv("OTEL_EXPORTER_OTLP_CLIENT_KEY", "/nonexistent/key.pem", 1);
  c = read();
  EXPECT_TRUE(c.client_certificate_file.empty());
  EXPECT_EQ(warnings.size(), 1u);

  setenv("OTEL_EXPORTER_OTLP_CLIENT_KEY", "/proc/self/environ", 1);
  c = read();
  EXPECT_EQ(c.client_certificate_file, "/proc/self/cmdline");
  EXPECT_EQ(c.client_key_file, "/proc/self/environ");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(OtlpConfigFromEnv, MetricsHaveTheirOwnPathAndVariables) {
  EXPECT_EQ(read(rt::OtlpSignal::Metrics).endpoint, "http://localhost:4318/v1/metrics");
  setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/base", 1);
  setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", 1);
  setenv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip", 1);
  setenv("OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "1234", 1);
  OtlpConfig c = read(rt::OtlpSignal::Metrics);
  EXPECT_EQ(c.endpoint, "http://collector:4318/base/v1/metrics");
  EXPECT_EQ(c.protocol, OtlpProtocol::HttpJson);
  EXPECT_FALSE(c.gzip) << "a TRACES_ variable is not the metrics'";
  EXPECT_EQ(c.timeout.count(), 1234);
  EXPECT_EQ(read(rt::OtlpSignal::Traces).timeout.count(), 10000);

  setenv("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "https://metrics.example/ingest", 1);
  setenv("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf", 1);
  c = read(rt::OtlpSignal::Metrics);
  EXPECT_EQ(c.endpoint, "https://metrics.example/ingest") << "used as is";
  EXPECT_EQ(c.protocol, OtlpProtocol::HttpProtobuf);
  EXPECT_EQ(read(rt::OtlpSignal::Traces).endpoint, "http://collector:4318/base/v1/traces");
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace orch::test
