#include "export/otlp_metric_exporter.h"

#include <string>

#include "export/otlp_http_sender.h"
#include "export/otlp_metrics_json.h"
#include "export/otlp_metrics_proto.h"

namespace orch::rt {
namespace {

size_t data_point_count(std::span<const MetricView> metrics) {
  size_t n = 0;
  for (const MetricView &m : metrics) n += m.sum_points.size() + m.exponential_points.size() + m.explicit_points.size();
  return n;
}

class OtlpMetricExporter final : public MetricExporter {
public:
  explicit OtlpMetricExporter(const OtlpConfig &config) : sender_(config) {}

  ExportResult export_metrics(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::chrono::steady_clock::time_point deadline) override {
    return sender_.send(data_point_count(metrics), deadline, [&](OtlpProtocol protocol) -> std::string_view {
      if (protocol == OtlpProtocol::HttpProtobuf) return proto_.encode(metrics, resource);
      encode_otlp_metrics_json(metrics, resource, json_);
      return json_;
    });
  }

  std::string last_error() const override { return sender_.last_error(); }
  uint64_t rejected_data_points() const override { return sender_.partial().rejected; }
  std::string partial_error() const override { return sender_.partial().error_message; }
  void program_exiting() override { sender_.program_exiting(); }
  bool skipped_unreachable_collector() const override { return sender_.skipped_unreachable(); }

private:
  OtlpHttpSender sender_;
  OtlpMetricsProtoEncoder proto_;
  std::string json_;
};

}  // namespace

std::unique_ptr<MetricExporter> make_otlp_metric_exporter(const OtlpConfig &config) {
  return std::make_unique<OtlpMetricExporter>(config);
}

}  // namespace orch::rt
