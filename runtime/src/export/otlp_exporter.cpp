#include "otlp_exporter.h"

#include <string>

#include "otlp_http_sender.h"
#include "otlp_json.h"
#include "otlp_proto.h"

namespace orch::rt {
namespace {

class OtlpHttpExporter final : public Exporter {
public:
  explicit OtlpHttpExporter(const OtlpConfig &config) : sender_(config) {}

  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            std::chrono::steady_clock::time_point deadline) override {
    return sender_.send(spans.size(), deadline, [&](OtlpProtocol protocol) -> std::string_view {
      if (protocol == OtlpProtocol::HttpProtobuf) return proto_.encode(spans, resource);
      encode_otlp_json(spans, resource, json_);
      return json_;
    });
  }

  std::string last_error() const override { return sender_.last_error(); }
  uint64_t rejected_spans() const override { return sender_.partial().rejected; }
  std::string partial_error() const override { return sender_.partial().error_message; }
  void program_exiting() override { sender_.program_exiting(); }
  bool gave_up_at_exit() const override { return sender_.gave_up_at_exit(); }

private:
  OtlpHttpSender sender_;
  OtlpProtoEncoder proto_;
  std::string json_;
};

}  // namespace

std::unique_ptr<Exporter> make_otlp_exporter(const OtlpConfig &config) {
  return std::make_unique<OtlpHttpExporter>(config);
}

}  // namespace orch::rt
