#include "verify/comparison.h"

#include <map>
#include <tuple>

#include "verify/statistics.h"

namespace orch::verify {

std::string function_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                            const std::optional<std::vector<uint64_t>> &span_calls,
                            const std::optional<std::vector<uint64_t>> &metric_calls) {
  if (span_calls && metric_calls && *span_calls != *metric_calls)
    return "mismatch";
  const std::optional<std::vector<uint64_t>> &counted = span_calls ? span_calls : metric_calls;
  if (has_symbol && counted && probe_calls == *counted)
    return "match";
  if (inlined)
    return "inlined";
  return has_symbol ? "mismatch" : "no-symbol";
}

SpanTally tally_spans(const std::vector<ManifestFunction> &functions, const std::vector<SpanRecord> &spans) {
  std::map<std::pair<std::string, unsigned>, size_t> by_position;
  for (size_t i = 0; i < functions.size(); i++)
    by_position.emplace(std::pair(functions[i].file, functions[i].line), i);
  SpanTally tally;
  tally.calls.assign(functions.size(), 0);
  tally.durations_ns.resize(functions.size());
  for (const SpanRecord &span : spans) {
    auto at = by_position.find({span.file, span.line});
    if (at == by_position.end()) {
      tally.unmatched++;
      continue;
    }
    tally.calls[at->second]++;
    tally.durations_ns[at->second].push_back(span.duration_ns);
  }
  return tally;
}

MetricTally tally_metrics(const std::vector<ManifestFunction> &functions, const std::vector<SiteCalls> &sites) {
  std::map<std::tuple<std::string, std::string, unsigned>, size_t> by_place;
  for (size_t i = 0; i < functions.size(); i++)
    by_place.emplace(std::tuple(functions[i].name, functions[i].file, functions[i].line), i);
  MetricTally tally;
  tally.calls.assign(functions.size(), 0);
  for (const SiteCalls &site : sites) {
    if (site.call_site)
      continue;
    tally.sites++;
    auto at = by_place.find({site.function, site.file, site.line});
    if (at == by_place.end())
      tally.unmatched++;
    else
      tally.calls[at->second] += site.calls;
  }
  return tally;
}

std::vector<FunctionReport> compare_functions(const std::vector<ManifestFunction> &functions,
                                              const bpf::ProbePlan &plan, const DebugFacts &debug,
                                              const std::vector<std::vector<bpf::FunctionStats>> &probe_runs,
                                              const std::vector<SpanTally> &span_runs,
                                              const std::vector<MetricTally> &metric_runs) {
  std::vector<FunctionReport> rows;
  for (size_t f = 0; f < functions.size(); f++) {
    FunctionReport row;
    row.name = functions[f].name;
    row.file = functions[f].file;
    row.line = functions[f].line;
    row.inlined_sites = debug.inlined_sites[f];
    for (const bpf::ProbedSymbol &symbol : plan.functions[f].symbols)
      row.symbols.push_back(symbol.symbol);
    bool has_symbol = !row.symbols.empty();
    if (!has_symbol)
      row.symbols = functions[f].symbols;

    bpf::FunctionStats all_runs; // histograms summed over the runs
    std::vector<uint64_t> abandoned;
    for (const std::vector<bpf::FunctionStats> &run : probe_runs) {
      row.probe_calls_per_run.push_back(run[f].calls + run[f].abandoned);
      abandoned.push_back(run[f].abandoned);
      for (size_t slot = 0; slot < all_runs.hist.size(); slot++)
        all_runs.hist[slot] += run[f].hist[slot];
    }
    std::vector<uint64_t> durations;
    std::optional<std::vector<uint64_t>> span_calls, metric_calls;
    if (functions[f].records_spans) {
      span_calls.emplace();
      for (const SpanTally &run : span_runs) {
        span_calls->push_back(run.calls[f]);
        durations.insert(durations.end(), run.durations_ns[f].begin(), run.durations_ns[f].end());
      }
      row.span_calls_per_run = *span_calls;
      row.span_calls = median_count(*span_calls);
    }
    if (functions[f].counts_calls) {
      metric_calls.emplace();
      for (const MetricTally &run : metric_runs)
        metric_calls->push_back(run.calls[f]);
      row.metric_calls_per_run = *metric_calls;
      row.metric_calls = median_count(*metric_calls);
    }
    row.probe_calls = median_count(row.probe_calls_per_run);
    row.abandoned = median_count(abandoned);
    row.probe_p50_ns = all_runs.quantile_ns(0.5);
    row.probe_p99_ns = all_runs.quantile_ns(0.99);
    row.span_p50_ns = quantile(durations, 0.5);
    row.span_p99_ns = quantile(durations, 0.99);
    row.status = function_status(has_symbol, row.inlined_sites > 0 || debug.inlined_by_compiler[f], row.probe_calls_per_run, span_calls, metric_calls);
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace orch::verify
