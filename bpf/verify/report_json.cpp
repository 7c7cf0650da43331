// --json: the report for machines. Counts are medians over the runs; the
// per-run values are there too.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include "verify/report.h"
#include "verify/report_format.h"

namespace orch::verify {

namespace {

using llvm::json::OStream;

void spread(OStream &json, llvm::StringRef key, const Spread &value) {
  json.attributeObject(key, [&] {
    json.attribute("median", value.median);
    json.attribute("min", value.min);
    json.attribute("max", value.max);
  });
}

template <typename List> void number_array(OStream &json, llvm::StringRef key, const List &values) {
  json.attributeArray(key, [&] {
    for (const auto &value : values)
      json.value(static_cast<int64_t>(value));
  });
}

void string_array(OStream &json, llvm::StringRef key, const std::vector<std::string> &values) {
  json.attributeArray(key, [&] {
    for (const std::string &value : values)
      json.value(value);
  });
}

// null where the site records none.
void optional_count(OStream &json, llvm::StringRef key, const std::optional<uint64_t> &count) {
  if (count)
    json.attribute(key, static_cast<int64_t>(*count));
  else
    json.attribute(key, nullptr);
}

void function(OStream &json, const FunctionReport &row) {
  json.object([&] {
    json.attribute("name", row.name);
    json.attribute("symbol", row.symbols.empty() ? "" : row.symbols.front());
    string_array(json, "symbols", row.symbols);
    json.attribute("file", row.file);
    json.attribute("line", static_cast<int64_t>(row.line));
    json.attribute("status", row.status);
    json.attribute("inlined_sites", static_cast<int64_t>(row.inlined_sites));
    json.attribute("probe_calls", static_cast<int64_t>(row.probe_calls));
    json.attribute("span_calls", nullptr); // spans are sampled, not counted: the metrics count
    optional_count(json, "metric_calls", row.metric_calls);
    json.attribute("abandoned", static_cast<int64_t>(row.abandoned));
    number_array(json, "probe_calls_per_run", row.probe_calls_per_run);
    number_array(json, "span_calls_per_run", std::vector<uint64_t>{});
    number_array(json, "metric_calls_per_run", row.metric_calls_per_run);
    json.attribute("probe_p50_ns", static_cast<int64_t>(row.probe_p50_ns));
    json.attribute("probe_p99_ns", static_cast<int64_t>(row.probe_p99_ns));
    json.attribute("span_p50_ns", static_cast<int64_t>(row.duration_p50_ns));
    json.attribute("span_p99_ns", static_cast<int64_t>(row.duration_p99_ns));
    string_array(json, "notes", row.notes);
  });
}

void call_site(OStream &json, const FunctionReport &row) {
  json.object([&] {
    json.attribute("callee", row.name);
    json.attribute("caller", row.caller);
    string_array(json, "symbols", row.symbols);
    json.attribute("file", row.file);
    json.attribute("line", static_cast<int64_t>(row.line));
    json.attribute("column", static_cast<int64_t>(row.column));
    json.attribute("status", row.status);
    json.attribute("probe_calls", static_cast<int64_t>(row.probe_calls));
    json.attribute("callee_calls", static_cast<int64_t>(row.callee_calls));
    json.attribute("span_calls", nullptr); // spans are sampled, not counted: the metrics count
    optional_count(json, "metric_calls", row.metric_calls);
    number_array(json, "probe_calls_per_run", row.probe_calls_per_run);
    number_array(json, "callee_calls_per_run", row.callee_calls_per_run);
    number_array(json, "span_calls_per_run", std::vector<uint64_t>{});
    number_array(json, "metric_calls_per_run", row.metric_calls_per_run);
    json.attribute("span_p50_ns", static_cast<int64_t>(row.duration_p50_ns));
    json.attribute("span_p99_ns", static_cast<int64_t>(row.duration_p99_ns));
    string_array(json, "notes", row.notes);
  });
}

void mode(OStream &json, const ModeReport &mode) {
  json.attributeObject(mode.name, [&] {
    json.attribute("wall_s", mode.wall_s.median);
    json.attribute("cpu_s", mode.cpu_s.median);
    json.attribute("max_rss_kb", mode.max_rss_kb.median);
    spread(json, "wall_s_spread", mode.wall_s);
    spread(json, "cpu_s_spread", mode.cpu_s);
    spread(json, "max_rss_kb_spread", mode.max_rss_kb);
    if (mode.throughput) {
      spread(json, "throughput", *mode.throughput);
      json.attribute("throughput_unit", mode.throughput_unit);
    }
    json.attributeArray("per_run", [&] {
      for (const RunMeasure &run : mode.runs)
        json.object([&] {
          json.attribute("wall_s", run.wall_s);
          json.attribute("cpu_s", run.cpu_s);
          json.attribute("max_rss_kb", static_cast<int64_t>(run.max_rss_kb));
          json.attribute("exit_status", static_cast<int64_t>(run.end.status()));
          if (run.throughput)
            json.attribute("throughput", run.throughput->value);
          if (!run.failure.empty())
            json.attribute("failure", run.failure);
        });
    });
  });
}

void costs(OStream &json, const Report &report) {
  json.attribute("probe_cost_ns", report.probe_cost.ns_per_probe_hit());
  json.attributeObject("calibration", [&] {
    json.attribute("probe_calls", static_cast<int64_t>(report.probe_cost.calls));
    json.attribute("plain_ns_per_call", report.probe_cost.plain_ns_per_call);
    json.attribute("probed_ns_per_call", report.probe_cost.probed_ns_per_call);
    json.attribute("probe_calls_counted", static_cast<int64_t>(report.probe_cost.counted));
    json.attribute("span_calls", static_cast<int64_t>(report.span_cost.calls));
    json.attribute("span_caller_ns", report.span_cost.caller_ns_per_span);
    json.attribute("span_cpu_ns", report.span_cost.cpu_ns_per_span);
  });
  json.attribute("span_cost_ns", report.span_cost.caller_ns_per_span);
  if (report.probe_hit_cpu_ns_in_program)
    json.attribute("probe_hit_cpu_ns_in_program", *report.probe_hit_cpu_ns_in_program);
  if (report.span_cpu_ns_in_program)
    json.attribute("span_cpu_ns_in_program", *report.span_cpu_ns_in_program);
}

} // namespace

std::string report_json(const Report &report) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  OStream json(stream, 2);
  json.object([&] {
    json.attribute("plain", report.options.plain);
    json.attribute("instrumented", report.options.instrumented);
    json.attributeArray("args", [&] {
      for (const std::string &arg : report.options.args)
        json.value(arg);
    });
    json.attribute("runs_per_mode", static_cast<int64_t>(report.options.runs));
    json.attribute("verified", report.all_verified());
    json.attribute("summary", status_summary(report));
    json.attributeArray("functions", [&] {
      for (const FunctionReport &row : report.functions)
        function(json, row);
    });
    json.attributeArray("call_sites", [&] {
      for (const FunctionReport &row : report.call_sites)
        call_site(json, row);
    });
    json.attributeObject("runs", [&] {
      for (const ModeReport *m : modes_of(report))
        mode(json, *m);
    });
    costs(json, report);
    json.attributeObject("probes", [&] {
      json.attribute("count", static_cast<int64_t>(report.probe_count));
      json.attribute("uprobe_multi", report.uprobe_multi);
      json.attribute("attach_s", report.attach_s.median);
      json.attribute("detach_s", report.detach_s.median);
      json.attribute("unmatched_exits", static_cast<int64_t>(report.counters.unmatched_exit));
      json.attribute("stack_overflows", static_cast<int64_t>(report.counters.stack_overflow));
      json.attribute("no_stack_memory", static_cast<int64_t>(report.counters.no_stack_memory));
      json.attribute("unknown_callers", static_cast<int64_t>(report.counters.unknown_caller));
      number_array(json, "callee_entries_per_run", report.callee_entries_per_run);
      number_array(json, "unplaced_callee_entries_per_run", report.unplaced_callee_entries_per_run);
    });
    json.attributeObject("spans", [&] {
      number_array(json, "per_run", std::vector<uint64_t>{}); // no span is read back any more
      number_array(json, "unmatched_per_run", std::vector<uint64_t>{});
      json.attribute("dropped", static_cast<int64_t>(report.spans_dropped));
    });
    json.attributeObject("metrics", [&] {
      number_array(json, "sites_per_run", report.metric_sites_per_run);
      number_array(json, "unmatched_per_run", report.unmatched_metric_sites_per_run);
      json.attribute("file_bytes", static_cast<int64_t>(report.metrics_file_bytes));
    });
    json.attribute("plain_has_debug_info", report.plain_has_debug_info);
    json.attributeArray("problems", [&] {
      for (const std::string &problem : report.problems)
        json.value(problem);
    });
  });
  stream.flush();
  return text + "\n";
}

} // namespace orch::verify
