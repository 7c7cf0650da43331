#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/resource.h"

namespace orch::rt {
namespace {

struct FakeEnv {
  std::map<std::string, std::string> vars;
  std::vector<std::string> warnings;

  EnvReader reader() {
    return EnvReader(
        [this](const char *name) -> const char * {
          auto it = vars.find(name);
          return it == vars.end() ? nullptr : it->second.c_str();
        },
        [this](std::string_view m) { warnings.emplace_back(m); });
  }
  Config config() { return config_from_env(reader()); }
};

TEST(Config, DefaultsFollowTheSpec) {
  FakeEnv env;
  Config c = env.config();
  EXPECT_FALSE(c.disabled);
  EXPECT_EQ(c.sampler, SamplerKind::ParentBasedAlwaysOn);
  EXPECT_EQ(c.exporters, std::vector{ExporterKind::Otlp});
  EXPECT_EQ(c.batch.schedule_delay_ms, 5000u);
  EXPECT_EQ(c.batch.max_queue_size, 2048u);
  EXPECT_EQ(c.batch.max_export_batch_size, 512u);
  EXPECT_EQ(c.batch.export_timeout_ms, 30000u);
  EXPECT_EQ(c.limits.attribute_count, 128u);
  EXPECT_EQ(c.limits.attribute_value_length, UINT32_MAX);
  EXPECT_EQ(c.stats_file, "");
  EXPECT_TRUE(env.warnings.empty());
}

TEST(Config, ReadsEveryVariable) {
  FakeEnv env;
  env.vars = {{"OTEL_SDK_DISABLED", " TRUE "},
              {"OTEL_TRACES_SAMPLER", "ParentBased_TraceIdRatio"},
              {"OTEL_TRACES_SAMPLER_ARG", "0.25"},
              {"OTEL_TRACES_EXPORTER", "file"},
              {"ORCH_FILE_EXPORTER_PATH", "/tmp/x.jsonl"},
              {"ORCH_CLOCK", "realtime"},
              {"ORCH_STATS_FILE", "/tmp/stats.jsonl"},
              {"OTEL_BSP_SCHEDULE_DELAY", "100"},
              {"OTEL_BSP_MAX_QUEUE_SIZE", "4096"},
              {"OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "256"},
              {"OTEL_BSP_EXPORT_TIMEOUT", "2000"},
              {"OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "16"},
              {"OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", "64"}};
  Config c = env.config();
  EXPECT_TRUE(c.disabled);
  EXPECT_EQ(c.sampler, SamplerKind::ParentBasedTraceIdRatio);
  EXPECT_DOUBLE_EQ(c.sampler_ratio, 0.25);
  EXPECT_EQ(c.exporters, std::vector{ExporterKind::File});
  EXPECT_EQ(c.file_path, "/tmp/x.jsonl");
  EXPECT_EQ(c.clock, ClockKind::Realtime);
  EXPECT_EQ(c.stats_file, "/tmp/stats.jsonl");
  EXPECT_EQ(c.batch.schedule_delay_ms, 100u);
  EXPECT_EQ(c.batch.max_queue_size, 4096u);
  EXPECT_EQ(c.batch.max_export_batch_size, 256u);
  EXPECT_EQ(c.batch.export_timeout_ms, 2000u);
  EXPECT_EQ(c.limits.attribute_count, 16u);
  EXPECT_EQ(c.limits.attribute_value_length, 64u);
  EXPECT_TRUE(env.warnings.empty()) << env.warnings.front();
}

TEST(Config, BadValuesWarnOnceAndUseDefaults) {
  FakeEnv env;
  env.vars = {{"OTEL_TRACES_SAMPLER", "sometimes"},
              {"OTEL_TRACES_EXPORTER", "zipkin"},
              {"OTEL_BSP_MAX_QUEUE_SIZE", "-5"},
              {"OTEL_BSP_SCHEDULE_DELAY", "soon"},
              {"OTEL_SDK_DISABLED", "yes"}};
  Config c = env.config();
  EXPECT_EQ(c.sampler, SamplerKind::ParentBasedAlwaysOn);
  EXPECT_EQ(c.exporters, std::vector{ExporterKind::Otlp});
  EXPECT_EQ(c.batch.max_queue_size, 2048u);
  EXPECT_EQ(c.batch.schedule_delay_ms, 5000u);
  EXPECT_FALSE(c.disabled);
  EXPECT_EQ(env.warnings.size(), 5u);
}

TEST(Config, BadRatioWarnsAndSamplesEverything) {
  for (const char *arg : {"1.5", "-0.1", "half", "0.5x"}) {
    FakeEnv env;
    env.vars = {{"OTEL_TRACES_SAMPLER", "traceidratio"}, {"OTEL_TRACES_SAMPLER_ARG", arg}};
    Config c = env.config();
    EXPECT_EQ(c.sampler, SamplerKind::TraceIdRatio);
    EXPECT_DOUBLE_EQ(c.sampler_ratio, 1.0) << arg;
    EXPECT_EQ(env.warnings.size(), 1u) << arg;
  }
}

TEST(Config, BatchLargerThanQueueIsClamped) {
  FakeEnv env;
  env.vars = {{"OTEL_BSP_MAX_QUEUE_SIZE", "100"}, {"OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "512"}};
  Config c = env.config();
  EXPECT_EQ(c.batch.max_export_batch_size, 100u);
  EXPECT_EQ(env.warnings.size(), 1u);
}

TEST(Config, ExportersAreACommaSeparatedList) {
  FakeEnv env;
  env.vars = {{"OTEL_TRACES_EXPORTER", " console , OTLP,console,,file"}};
  EXPECT_EQ(env.config().exporters, (std::vector{ExporterKind::Console, ExporterKind::Otlp, ExporterKind::File}));
  EXPECT_TRUE(env.warnings.empty());
}

TEST(Config, NoneAloneDisablesExportBesideOthersItIsIgnored) {
  FakeEnv env;
  env.vars = {{"OTEL_TRACES_EXPORTER", "none"}};
  EXPECT_TRUE(env.config().exporters.empty());
  EXPECT_TRUE(env.warnings.empty());
  env.vars = {{"OTEL_TRACES_EXPORTER", "none,console"}};
  EXPECT_EQ(env.config().exporters, std::vector{ExporterKind::Console});
  EXPECT_EQ(env.warnings.size(), 1u);
}

TEST(Config, UnknownExportersInAListAreSkippedWithAWarning) {
  FakeEnv env;
  env.vars = {{"OTEL_TRACES_EXPORTER", "zipkin,console"}};
  EXPECT_EQ(env.config().exporters, std::vector{ExporterKind::Console});
  ASSERT_EQ(env.warnings.size(), 1u);
  EXPECT_NE(env.warnings[0].find("zipkin"), std::string::npos);
  env.warnings.clear();
  env.vars = {{"OTEL_TRACES_EXPORTER", " , "}};
  EXPECT_EQ(env.config().exporters, std::vector{ExporterKind::Otlp});
  EXPECT_EQ(env.warnings.size(), 1u);
}

TEST(ResourceAttributes, ParsesPercentEncodedValues) {
  std::vector<std::pair<std::string, std::string>> out;
  ASSERT_TRUE(parse_resource_attributes(" deployment.environment = prod , team=a%2Cb%20c,", out));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], std::make_pair(std::string("deployment.environment"), std::string("prod")));
  EXPECT_EQ(out[1], std::make_pair(std::string("team"), std::string("a,b c")));
}

TEST(ResourceAttributes, MalformedValueIsDiscardedWhole) {
  std::vector<std::pair<std::string, std::string>> out;
  EXPECT_FALSE(parse_resource_attributes("a=1,b", out));
  EXPECT_FALSE(parse_resource_attributes("a=%zz", out));
  EXPECT_FALSE(parse_resource_attributes("a=%2", out));
  EXPECT_FALSE(parse_resource_attributes("=x", out));
  EXPECT_TRUE(out.empty());
}

std::string service_name(FakeEnv &env, const char *baked) { return std::string(Resource(env.reader(), baked).get("service.name")); }

TEST(Resource, ServiceNamePrecedence) {
  FakeEnv env;
  EXPECT_EQ(service_name(env, nullptr).rfind("unknown_service:", 0), 0u);
  env.vars["ORCH_SERVICE_NAME"] = "from-orch-env";
  EXPECT_EQ(service_name(env, nullptr), "from-orch-env");
  EXPECT_EQ(service_name(env, "from-orch-yaml"), "from-orch-yaml");
  env.vars["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=from-attrs";
  EXPECT_EQ(service_name(env, "from-orch-yaml"), "from-attrs");
  env.vars["OTEL_SERVICE_NAME"] = "from-otel";
  EXPECT_EQ(service_name(env, "from-orch-yaml"), "from-otel");
}

TEST(Resource, HasProcessHostAndSdkAttributes) {
  FakeEnv env;
  env.vars["OTEL_RESOURCE_ATTRIBUTES"] = "team=core";
  Resource r(env.reader(), nullptr);
  EXPECT_EQ(r.get("team"), "core");
  EXPECT_EQ(r.get("telemetry.sdk.name"), "orch");
  EXPECT_EQ(r.get("telemetry.sdk.language"), "cpp");
  EXPECT_FALSE(r.get("telemetry.sdk.version").empty());
  EXPECT_FALSE(r.get("host.name").empty());
  EXPECT_EQ(r.get("process.executable.name"), "runtime_tests");
  bool has_pid = false;
  for (const auto &a : r.view().attributes) has_pid |= a.key == "process.pid" && a.i == getpid();
  EXPECT_TRUE(has_pid);
  EXPECT_EQ(r.view().scope_name, "orch");
}

}  // namespace
}  // namespace orch::rt
