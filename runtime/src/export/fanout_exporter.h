// Several exporters at once (OTEL_TRACES_EXPORTER=otlp,console, and the same
// for OTEL_METRICS_EXPORTER): each export goes to every one of them, in order.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "export/exporter.h"
#include "export/metric_exporter.h"

namespace orch::rt {

// What the span and the metric fan-outs share, over exporters of type E.
template <class E> class Fanout {
public:
  explicit Fanout(std::vector<std::unique_ptr<E>> exporters) : exporters_(std::move(exporters)) {}

  // Runs export_one on every exporter. Success only if every one succeeded;
  // otherwise the first failure's result, and last_error() names the failures.
  template <class Export> ExportResult each(Export &&export_one) {
    ExportResult result = ExportResult::Success;
    last_error_.clear();
    for (const auto &e : exporters_) {
      const ExportResult r = export_one(*e);
      if (r == ExportResult::Success) continue;
      if (result == ExportResult::Success) result = r;
      if (!last_error_.empty()) last_error_ += "; ";
      last_error_ += e->last_error();
    }
    return result;
  }
  const std::string &last_error() const { return last_error_; }
  // The largest count any exporter reported (`rejected` is E's count of
  // refused items): every one received every item.
  uint64_t most_rejected(uint64_t (E::*rejected)() const) const {
    uint64_t most = 0;
    for (const auto &e : exporters_) most = std::max(most, ((*e).*rejected)());
    return most;
  }
  // The reason of the first exporter that reported refused items.
  std::string partial_error(uint64_t (E::*rejected)() const) const {
    for (const auto &e : exporters_)
      if (((*e).*rejected)()) return e->partial_error();
    return {};
  }
  void program_exiting() {
    for (const auto &e : exporters_) e->program_exiting();
  }

private:
  std::vector<std::unique_ptr<E>> exporters_;
  std::string last_error_;
};

class FanoutExporter final : public Exporter {
public:
  explicit FanoutExporter(std::vector<std::unique_ptr<Exporter>> exporters) : fanout_(std::move(exporters)) {}

  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return fanout_.last_error(); }
  uint64_t rejected_spans() const override { return fanout_.most_rejected(&Exporter::rejected_spans); }
  std::string partial_error() const override { return fanout_.partial_error(&Exporter::rejected_spans); }
  void program_exiting() override { fanout_.program_exiting(); }

private:
  Fanout<Exporter> fanout_;
};

class FanoutMetricExporter final : public MetricExporter {
public:
  explicit FanoutMetricExporter(std::vector<std::unique_ptr<MetricExporter>> exporters)
      : fanout_(std::move(exporters)) {}

  ExportResult export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::chrono::steady_clock::time_point deadline) override;
  std::string last_error() const override { return fanout_.last_error(); }
  uint64_t rejected_data_points() const override {
    return fanout_.most_rejected(&MetricExporter::rejected_data_points);
  }
  std::string partial_error() const override {
    return fanout_.partial_error(&MetricExporter::rejected_data_points);
  }
  void program_exiting() override { fanout_.program_exiting(); }

private:
  Fanout<MetricExporter> fanout_;
};

}  // namespace orch::rt
