// The `file` exporters: OTEL_METRICS_EXPORTER=file (and OTEL_TRACES_EXPORTER=file,
// which shares its file handling) append one OTLP/JSON request per export as a
// line; no file before the first export; an unwritable path is a permanent
// failure that names it.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/file_exporter.h"
#include "export/file_metric_exporter.h"
#include "export/otlp_json.h"
#include "export/otlp_metrics_json.h"
#include "test_metrics.h"

namespace orch::test {
namespace {

namespace fs = std::filesystem;

class FileExporterTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "orch-file-exporter.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const char *name) const { return (dir_ / name).string(); }
  static std::string contents(const std::string &path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static auto deadline() { return std::chrono::steady_clock::now() + std::chrono::seconds(5); }

  fs::path dir_;
};

TEST_F(FileExporterTest, MetricsAppendOneRequestPerExportAsALine) {
  SampleMetrics sample;
  std::string request;
  rt::encode_otlp_metrics_json(sample.metrics(), sample.resource, request);
  const std::string file = path("metrics.jsonl");
  std::ofstream(file) << "an earlier line\n";
  rt::FileMetricExporter exporter(file);
  ASSERT_EQ(exporter.export_metrics(sample.metrics(), sample.resource, deadline()), rt::ExportResult::Success);
  ASSERT_EQ(exporter.export_metrics(sample.metrics().first(1), sample.resource, deadline()), rt::ExportResult::Success);
  std::string first_only;
  rt::encode_otlp_metrics_json(sample.metrics().first(1), sample.resource, first_only);
  EXPECT_EQ(contents(file), "an earlier line\n" + request + "\n" + first_only + "\n");
  EXPECT_EQ(exporter.last_error(), "");
}

TEST_F(FileExporterTest, NoFileBeforeTheFirstExport) {
  const std::string file = path("never.jsonl");
  { rt::FileMetricExporter exporter(file); }
  EXPECT_FALSE(fs::exists(file));
}

TEST_F(FileExporterTest, AnUnwritablePathIsAPermanentFailureNamingIt) {
  SampleMetrics sample;
  const std::string file = path("missing-dir/metrics.jsonl");
  rt::FileMetricExporter exporter(file);
  EXPECT_EQ(exporter.export_metrics(sample.metrics(), sample.resource, deadline()),
            rt::ExportResult::PermanentFailure);
  EXPECT_EQ(exporter.last_error(), "cannot open " + file + ": No such file or directory");
}

TEST_F(FileExporterTest, AFullDeviceIsAPermanentFailure) {
  SampleMetrics sample;
  rt::FileMetricExporter exporter("/dev/full");
  EXPECT_EQ(exporter.export_metrics(sample.metrics(), sample.resource, deadline()),
            rt::ExportResult::PermanentFailure);
  EXPECT_EQ(exporter.last_error(), "cannot write /dev/full: No space left on device");
}

TEST_F(FileExporterTest, SpansAppendOneRequestPerBatchAsALine) {
  SampleMetrics sample;  // for its resource
  rt::SpanView spans[1] = {basic_span()};
  spans[0].name = "handle";
  std::string request;
  rt::encode_otlp_json(spans, sample.resource, request);
  const std::string file = path("traces.jsonl");
  rt::FileExporter exporter(file);
  ASSERT_EQ(exporter.export_spans(spans, sample.resource, deadline()), rt::ExportResult::Success);
  ASSERT_EQ(exporter.export_spans(spans, sample.resource, deadline()), rt::ExportResult::Success);
  EXPECT_EQ(contents(file), request + "\n" + request + "\n");
}

}  // namespace
}  // namespace orch::test
