// Exporter throughput: encode a batch of realistic spans and POST it to a
// local HTTP sink over a kept-alive connection, as the runtime's exporter
// thread does. Reported as spans/s (items_per_second).
//   taskset -c 1 build/bin/bench_otlp_export
// The sink runs in this process, so with taskset its work shares the core:
// the figure includes the receiving side.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "local_http_sink.h"
#include "export/otlp_exporter.h"
#include "export/otlp_json.h"
#include "export/otlp_proto.h"
#include "test_spans.h"

namespace orch::test {
namespace {

// A batch shaped like the spans orch's woven functions produce: code.*
// attributes, one user attribute of each type, every 16th span with an
// exception event and error status.
struct RealisticBatch {
  std::vector<rt::SpanView> spans;
  std::vector<AttrView> attrs;
  std::vector<AttrView> event_attrs;
  std::vector<rt::EventView> events;
  std::vector<AttrView> resource_attrs;
  rt::ResourceView resource;

  explicit RealisticBatch(size_t n) {
    attrs = {str_attr("code.function.name", "storage::Db::get"),
             str_attr("code.file.path", "/src/service/storage/db.cpp"),
             int_attr("code.line.number", 128), str_attr("db.key", "user:12345"),
             int_attr("bytes", 4096), double_attr("ratio", 0.75), bool_attr("cached", true)};
    event_attrs = {str_attr("exception.type", "std::runtime_error"),
                   str_attr("exception.message", "key not found")};
    events = {{"exception", 1700000000000001000, event_attrs}};
    resource_attrs = {str_attr("service.name", "bench"), int_attr("process.pid", 4242),
                      str_attr("telemetry.sdk.name", "orch"),
                      str_attr("telemetry.sdk.language", "cpp")};
    resource = {resource_attrs, "orch", "0.1.0"};
    spans.resize(n, basic_span());
    for (size_t i = 0; i < n; ++i) {
      rt::SpanView &s = spans[i];
      s.span_id[0] = static_cast<uint8_t>(i);
      s.span_id[1] = static_cast<uint8_t>(i >> 8);
      if (i % 8) s.parent_span_id[0] = 1;
      s.name = "storage::Db::get";
      s.start_unix_nano = 1700000000000000000 + i * 1000;
      s.end_unix_nano = s.start_unix_nano + 750;
      s.attributes = attrs;
      if (i % 16 == 0) {
        s.events = events;
        s.status = rt::StatusCode::Error;
      }
    }
  }
};

void BM_EncodeProtobuf(benchmark::State &state) {
  RealisticBatch batch(static_cast<size_t>(state.range(0)));
  rt::OtlpProtoEncoder encoder;
  size_t bytes = 0;
  for (auto _ : state) bytes = encoder.encode(batch.spans, batch.resource).size();
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["bytes_per_span"] = static_cast<double>(bytes) / state.range(0);
}
BENCHMARK(BM_EncodeProtobuf)->Arg(512);

void BM_EncodeJson(benchmark::State &state) {
  RealisticBatch batch(static_cast<size_t>(state.range(0)));
  std::string out;
  for (auto _ : state) rt::encode_otlp_json(batch.spans, batch.resource, out);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EncodeJson)->Arg(512);

// range(0): spans per batch; range(1): protocol (0 protobuf, 1 json); range(2): gzip.
void BM_ExportToLocalSink(benchmark::State &state) {
  LocalHttpSink sink(/*keep_requests=*/false);
  rt::OtlpConfig config;
  config.endpoint = sink.url();
  config.protocol = state.range(1) ? rt::OtlpProtocol::HttpJson : rt::OtlpProtocol::HttpProtobuf;
  config.gzip = state.range(2) != 0;
  auto exporter = rt::make_otlp_exporter(config);
  RealisticBatch batch(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    if (exporter->export_spans(batch.spans, batch.resource, deadline) != rt::ExportResult::Success) {
      state.SkipWithError(exporter->last_error().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ExportToLocalSink)
    ->ArgNames({"batch", "json", "gzip"})
    ->Args({512, 0, 0})
    ->Args({2048, 0, 0})
    ->Args({512, 0, 1})
    ->Args({512, 1, 0})
    ->UseRealTime();

}  // namespace
}  // namespace orch::test

BENCHMARK_MAIN();
