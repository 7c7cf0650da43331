#include "config/config.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace orch::rt {
namespace {

// The value of a variable and the setting it selects.
template <class Kind> struct Named {
  const char *name;
  Kind kind;
};

constexpr Named<SamplerKind> kSamplers[] = {
    {"always_on", SamplerKind::AlwaysOn},
    {"always_off", SamplerKind::AlwaysOff},
    {"traceidratio", SamplerKind::TraceIdRatio},
    {"parentbased_always_on", SamplerKind::ParentBasedAlwaysOn},
    {"parentbased_always_off", SamplerKind::ParentBasedAlwaysOff},
    {"parentbased_traceidratio", SamplerKind::ParentBasedTraceIdRatio},
};

bool uses_ratio(SamplerKind k) {
  return k == SamplerKind::TraceIdRatio || k == SamplerKind::ParentBasedTraceIdRatio;
}

void read_sampler(const EnvReader &env, Config &c) {
  if (auto name = env.lower("OTEL_TRACES_SAMPLER")) {
    bool known = false;
    for (const auto &s : kSamplers) {
      if (*name == s.name) {
        c.sampler = s.kind;
        known = true;
      }
    }
    if (!known)
      env.warn("OTEL_TRACES_SAMPLER=" + *name + " is not a supported sampler; using parentbased_always_on");
  }
  if (!uses_ratio(c.sampler)) return;
  auto arg = env.str("OTEL_TRACES_SAMPLER_ARG");
  if (!arg) return;  // spec default ratio: 1.0
  char *end = nullptr;
  double ratio = std::strtod(arg->c_str(), &end);
  if (end != arg->c_str() + arg->size() || !(ratio >= 0.0 && ratio <= 1.0)) {
    env.warn("OTEL_TRACES_SAMPLER_ARG=" + *arg + " is not a ratio in [0, 1]; using 1.0");
    return;
  }
  c.sampler_ratio = ratio;
}

// The names of OTEL_TRACES_EXPORTER and what they select; the first is the default.
constexpr std::string_view kExporterNames[] = {"otlp", "console", "file"};
constexpr ExporterKind kExporterKinds[] = {ExporterKind::Otlp, ExporterKind::Console, ExporterKind::File};

// Every exporter named gets every batch; `none` alone disables tracing.
void read_exporter(const EnvReader &env, Config &c) {
  if (auto path = env.str("ORCH_FILE_EXPORTER_PATH")) c.file_path = *path;
  auto chosen = env.exporter_list("OTEL_TRACES_EXPORTER", kExporterNames);
  if (!chosen) return;
  c.exporters.clear();
  for (size_t i : *chosen) c.exporters.push_back(kExporterKinds[i]);
}

void read_clock(const EnvReader &env, Config &c) {
  auto v = env.lower("ORCH_CLOCK");
  if (!v) return;
  if (*v == "tsc") c.clock = ClockKind::Tsc;
  else if (*v == "realtime") c.clock = ClockKind::Realtime;
  else if (*v != "auto") env.warn("ORCH_CLOCK=" + *v + " is not auto, tsc or realtime; using auto");
}

void read_batch(const EnvReader &env, BatchConfig &b) {
  constexpr int64_t kMaxU32 = UINT32_MAX;
  b.schedule_delay_ms = env.integer("OTEL_BSP_SCHEDULE_DELAY", b.schedule_delay_ms, 0, kMaxU32);
  b.export_timeout_ms = env.integer("OTEL_BSP_EXPORT_TIMEOUT", b.export_timeout_ms, 0, kMaxU32);
  b.max_queue_size = env.integer("OTEL_BSP_MAX_QUEUE_SIZE", b.max_queue_size, 1, 1 << 24);
  b.max_export_batch_size = env.integer("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", b.max_export_batch_size, 1, 1 << 24);
  if (b.max_export_batch_size > b.max_queue_size) {
    env.warn("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=" + std::to_string(b.max_export_batch_size) +
             " exceeds OTEL_BSP_MAX_QUEUE_SIZE; using " + std::to_string(b.max_queue_size));
    b.max_export_batch_size = b.max_queue_size;
  }
}

void read_limits(const EnvReader &env, SpanLimits &l) {
  constexpr int64_t kMaxU32 = UINT32_MAX;
  // The general OTEL_ATTRIBUTE_* limits apply unless the span-specific ones are set.
  l.attribute_count = env.integer("OTEL_ATTRIBUTE_COUNT_LIMIT", l.attribute_count, 0, kMaxU32);
  l.attribute_count = env.integer("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", l.attribute_count, 0, kMaxU32);
  l.attribute_value_length =
      env.integer("OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", l.attribute_value_length, 0, kMaxU32);
  l.attribute_value_length =
      env.integer("OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", l.attribute_value_length, 0, kMaxU32);
}

}  // namespace

Config config_from_env(const EnvReader &env) {
  Config c;
  c.disabled = env.boolean("OTEL_SDK_DISABLED", false);
  read_sampler(env, c);
  read_exporter(env, c);
  read_clock(env, c);
  read_batch(env, c.batch);
  read_limits(env, c.limits);
  c.metrics = metrics_config_from_env(env);
  c.metrics_time_one_in = env.integer("ORCH_METRICS_TIME_ONE_IN", c.metrics_time_one_in, 1, 1 << 20);
  c.site_span_limit = env.integer("ORCH_SITE_SPAN_LIMIT", c.site_span_limit, 0, UINT32_MAX);
  if (auto path = env.str("ORCH_STATS_FILE")) c.stats_file = *path;
  return c;
}

bool exports_to(const Config &c, ExporterKind kind) {
  return std::find(c.exporters.begin(), c.exporters.end(), kind) != c.exporters.end();
}

}  // namespace orch::rt
