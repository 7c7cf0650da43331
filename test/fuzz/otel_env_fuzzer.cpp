// libFuzzer target: the OTEL_* / ORCH_* variables the runtime reads. The
// input's lines are the values of kNames, in order (a missing line: unset).
// Every value ends in a configuration (a bad one in a warning and the
// default); the configuration keeps its invariants: a valid OTLP endpoint, no
// control characters in a header. No crash, no hang.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/config.h"
#include "config/env.h"
#include "config/resource.h"
#include "export/otlp_config.h"

namespace {

// The runtime's own variables, read through an EnvReader over the input.
constexpr const char *kNames[] = {
    "OTEL_SDK_DISABLED", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_TRACES_EXPORTER",
    "OTEL_METRICS_EXPORTER", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "OTEL_BSP_SCHEDULE_DELAY",
    "OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT",
    "OTEL_METRIC_EXPORT_INTERVAL", "ORCH_METRICS_HISTOGRAM_BOUNDARIES", "ORCH_CLOCK", "ORCH_SITE_SPAN_LIMIT",
    "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE",
    "OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION"};
// The OTLP exporter's, read by otlp_config_from_env from the process
// environment (the certificate files are left out: they are opened).
constexpr const char *kOtlpNames[] = {
    "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
    "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_PROTOCOL",
    "OTEL_EXPORTER_OTLP_COMPRESSION", "OTEL_EXPORTER_OTLP_TIMEOUT", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"};
constexpr size_t kCount = std::size(kNames);

void check(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "invariant: %s\n", what);
    std::abort();
  }
}

// A character that could end a header line or start another (HTAB is allowed
// in a field value, RFC 9110 5.5).
bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
  return false;
}

void check_otlp(orch::rt::OtlpSignal signal) {
  const orch::rt::OtlpConfig otlp = orch::rt::otlp_config_from_env([](std::string_view) {}, signal);
  check(orch::rt::otlp_endpoint_valid(otlp.endpoint), "the OTLP endpoint is a valid URL");
  for (const auto &[key, value] : otlp.headers)
    check(!key.empty() && !has_control(key) && !has_control(value), "headers carry no control characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view input(reinterpret_cast<const char *>(data), size);
  // NUL would end a variable's value early: the input's values are lines without it.
  if (input.find('\0') != std::string_view::npos) return 0;
  std::vector<std::string> values;
  for (size_t start = 0; start <= input.size() && values.size() < kCount + std::size(kOtlpNames);) {
    const size_t end = std::min(input.find('\n', start), input.size());
    values.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  const orch::rt::Getenv getenv = [&values](const char *name) -> const char * {
    for (size_t i = 0; i < kCount && i < values.size(); ++i)
      if (std::strcmp(kNames[i], name) == 0) return values[i].c_str();
    return nullptr;
  };
  const orch::rt::EnvReader env(getenv, [](std::string_view) {});
  const orch::rt::Config config = orch::rt::config_from_env(env);
  check(config.sampler_ratio >= 0 && config.sampler_ratio <= 1, "the sampler ratio is in [0, 1]");
  check(config.batch.max_queue_size >= 1 && config.batch.max_export_batch_size >= 1, "batches are not empty");
  const orch::rt::Resource resource(env, nullptr);
  check(!resource.get("service.name").empty(), "a service name");

  for (size_t i = 0; i < std::size(kOtlpNames); ++i) {
    if (kCount + i < values.size())
      setenv(kOtlpNames[i], values[kCount + i].c_str(), 1);
    else
      unsetenv(kOtlpNames[i]);
  }
  check_otlp(orch::rt::OtlpSignal::Traces);
  check_otlp(orch::rt::OtlpSignal::Metrics);

  // The list parsers on the whole input too.
  std::vector<std::pair<std::string, std::string>> pairs;
  orch::rt::otlp_parse_headers(input, pairs);
  for (const auto &[key, value] : pairs) check(!has_control(key) && !has_control(value), "parsed headers");
  pairs.clear();
  orch::rt::parse_resource_attributes(input, pairs);
  std::string decoded;
  orch::rt::percent_decode(input, decoded);
  return 0;
}
