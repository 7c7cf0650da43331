// The runtime's configuration, read once from the OTEL_* / ORCH_* variables.
// The OTLP exporter's own settings (endpoint, headers, ...) are parsed by
// otlp_config_from_env in export/otlp_config.h, not here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/env.h"
#include "config/metrics_config.h"

namespace orch::rt {

enum class SamplerKind {
  AlwaysOn,
  AlwaysOff,
  TraceIdRatio,
  ParentBasedAlwaysOn,
  ParentBasedAlwaysOff,
  ParentBasedTraceIdRatio,
};

enum class ExporterKind { Otlp, Console, File };

enum class ClockKind { Auto, Tsc, Realtime };

// OTEL_BSP_*: defaults from the OpenTelemetry specification.
struct BatchConfig {
  uint32_t schedule_delay_ms = 5000;
  uint32_t max_queue_size = 2048;
  uint32_t max_export_batch_size = 512;
  uint32_t export_timeout_ms = 30000;
};

struct SpanLimits {
  uint32_t attribute_count = 128;
  uint32_t attribute_value_length = UINT32_MAX;  // unlimited
};

struct Config {
  bool disabled = false;  // OTEL_SDK_DISABLED
  SamplerKind sampler = SamplerKind::ParentBasedAlwaysOn;
  double sampler_ratio = 1.0;
  // OTEL_TRACES_EXPORTER, in the order given, each once; empty for `none`.
  std::vector<ExporterKind> exporters{ExporterKind::Otlp};
  std::string file_path = "orch-traces.jsonl";  // ORCH_FILE_EXPORTER_PATH
  ClockKind clock = ClockKind::Auto;            // ORCH_CLOCK
  BatchConfig batch;
  SpanLimits limits;
  MetricsConfig metrics;
  // ORCH_METRICS_TIME_ONE_IN: a call without a span is timed one in about N
  // (metrics/thread_metrics.h); 1 times every call.
  uint32_t metrics_time_one_in = 32;
  // ORCH_SITE_SPAN_LIMIT: spans per second one site may start on one thread
  // while metrics are on; the calls beyond are counted, not traced. 0: none.
  uint32_t site_span_limit = 2000;
  // ORCH_STATS_FILE: the runtime's counters are appended to it at exit
  // (core/stats_file.h); empty: not written.
  std::string stats_file;
};

Config config_from_env(const EnvReader &env);

bool exports_to(const Config &c, ExporterKind kind);

}  // namespace orch::rt
