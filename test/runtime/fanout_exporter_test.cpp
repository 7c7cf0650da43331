// OTEL_TRACES_EXPORTER=a,b: every batch reaches every exporter; the outcome
// is the worst of theirs.
#include "export/fanout_exporter.h"

#include <gtest/gtest.h>

namespace orch::rt {
namespace {

class ScriptedExporter final : public Exporter {
public:
  ScriptedExporter(ExportResult result, std::string error, uint64_t rejected, size_t *seen)
      : result_(result), error_(std::move(error)), rejected_(rejected), seen_(seen) {}
  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &,
                            std::chrono::steady_clock::time_point) override {
    *seen_ += spans.size();
    return result_;
  }
  std::string last_error() const override { return error_; }
  uint64_t rejected_spans() const override { return rejected_; }
  std::string partial_error() const override { return rejected_ ? "partial from " + error_ : ""; }

private:
  ExportResult result_;
  std::string error_;
  uint64_t rejected_;
  size_t *seen_;
};

struct Fanout {
  size_t seen[3] = {};
  std::unique_ptr<FanoutExporter> make(ExportResult a, ExportResult b, ExportResult c, uint64_t rejected_b = 0) {
    std::vector<std::unique_ptr<Exporter>> all;
    all.push_back(std::make_unique<ScriptedExporter>(a, "a", 0, &seen[0]));
    all.push_back(std::make_unique<ScriptedExporter>(b, "b", rejected_b, &seen[1]));
    all.push_back(std::make_unique<ScriptedExporter>(c, "c", 0, &seen[2]));
    return std::make_unique<FanoutExporter>(std::move(all));
  }
  ExportResult run(Exporter &e) {
    SpanView spans[2] = {};
    return e.export_spans(spans, ResourceView{}, std::chrono::steady_clock::now());
  }
};

TEST(FanoutExporter, EveryExporterGetsEveryBatch) {
  Fanout f;
  auto e = f.make(ExportResult::Success, ExportResult::Success, ExportResult::Success);
  EXPECT_EQ(f.run(*e), ExportResult::Success);
  EXPECT_EQ(f.seen[0] + f.seen[1] + f.seen[2], 6u);
  EXPECT_EQ(e->last_error(), "");
}

TEST(FanoutExporter, TheFirstFailureDecidesAndEveryFailureIsNamed) {
  Fanout f;
  auto e = f.make(ExportResult::Success, ExportResult::RetryableFailure, ExportResult::PermanentFailure);
  EXPECT_EQ(f.run(*e), ExportResult::RetryableFailure);
  EXPECT_EQ(f.seen[2], 2u) << "a failure does not keep the batch from the exporters after it";
  EXPECT_EQ(e->last_error(), "b; c");
}

TEST(FanoutExporter, ReportsThePartialSuccessOfAnyExporter) {
  Fanout f;
  auto e = f.make(ExportResult::Success, ExportResult::Success, ExportResult::Success, /*rejected_b=*/1);
  EXPECT_EQ(f.run(*e), ExportResult::Success);
  EXPECT_EQ(e->rejected_spans(), 1u);
  EXPECT_EQ(e->partial_error(), "partial from b");
}

}  // namespace
}  // namespace orch::rt
