#include "verify/comparison.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "verify/statistics.h"

namespace orch::verify {

std::string site_status(bool has_symbol, bool inlined, const std::vector<uint64_t> &probe_calls,
                        const std::optional<std::vector<uint64_t>> &metric_calls) {
  if (!metric_calls)
    return "uncounted";
  auto all_zero = [](const std::vector<uint64_t> &calls) {
    return std::all_of(calls.begin(), calls.end(), [](uint64_t n) { return n == 0; });
  };
  if (all_zero(probe_calls) && all_zero(*metric_calls))
    return "not-called";
  if (has_symbol && probe_calls == *metric_calls)
    return "match";
  if (inlined && all_zero(probe_calls))
    return "inlined";
  if (inlined && !has_symbol)
    return "mismatch";
  if (inlined) {
    bool lower_bound = probe_calls.size() == metric_calls->size();
    for (size_t run = 0; lower_bound && run < probe_calls.size(); run++)
      lower_bound = probe_calls[run] <= (*metric_calls)[run];
    return lower_bound ? "partly-inlined" : "mismatch";
  }
  return has_symbol ? "mismatch" : "no-symbol";
}

MetricTally tally_metrics(const std::vector<Site> &sites, const std::vector<SiteCalls> &counted) {
  std::map<std::tuple<bool, std::string, std::string, unsigned>, size_t> by_place;
  for (size_t i = 0; i < sites.size(); i++)
    by_place.emplace(std::tuple(sites[i].call_site, sites[i].function, sites[i].file, sites[i].line), i);
  MetricTally tally;
  tally.calls.assign(sites.size(), 0);
  tally.durations.resize(sites.size());
  for (const SiteCalls &site : counted) {
    tally.sites++;
    auto at = by_place.find({site.call_site, site.function, site.file, site.line});
    if (at == by_place.end())
      tally.unmatched++;
    else {
      tally.calls[at->second] += site.calls;
      tally.durations[at->second].add(site.durations);
    }
  }
  return tally;
}

namespace {

// The metrics' counts of one site into its row, per run, with the durations
// of all runs; none where it counts no calls or shares its place.
std::optional<std::vector<uint64_t>> metric_counts(size_t site, const Site &facts, const SharedPlaces &shared,
                                                   const RunTallies &runs, FunctionReport &row) {
  if (facts.counts_calls && shared.metrics[site])
    row.notes.push_back("its metrics cannot be told from another site's: same code.function.name, file and line");
  if (!facts.counts_calls || shared.metrics[site])
    return std::nullopt;
  std::vector<uint64_t> metric_calls;
  DurationHistogram durations;
  for (const MetricTally &run : runs.metrics) {
    metric_calls.push_back(run.calls[site]);
    durations.add(run.durations[site]);
  }
  row.metric_calls_per_run = metric_calls;
  row.metric_calls = median_count(metric_calls);
  row.duration_p50_ns = durations.quantile_ns(0.5);
  row.duration_p99_ns = durations.quantile_ns(0.99);
  return metric_calls;
}

// "symbol (file name)" of each probed copy.
std::vector<std::string> probed_copies(const bpf::PlannedFunction &planned) {
  std::vector<std::string> copies;
  for (const bpf::ProbedSymbol &symbol : planned.symbols)
    copies.push_back(symbol.symbol + " (" + std::filesystem::path(symbol.image).filename().string() + ")");
  return copies;
}

std::vector<std::string> probed_symbols(const bpf::PlannedFunction &planned) {
  std::vector<std::string> symbols;
  for (const bpf::ProbedSymbol &symbol : planned.symbols)
    symbols.push_back(symbol.symbol);
  return symbols;
}

} // namespace

std::vector<FunctionReport> compare_functions(const Manifest &manifest, const bpf::ProbePlan &plan,
                                              const DebugFacts &debug, const RunTallies &runs) {
  std::vector<Site> sites = sites_of(manifest);
  SharedPlaces shared = shared_places(sites);
  std::vector<FunctionReport> rows;
  for (size_t f = 0; f < manifest.functions.size(); f++) {
    const ManifestFunction &function = manifest.functions[f];
    FunctionReport row;
    row.name = function.name;
    row.file = function.file;
    row.line = function.line;
    row.inlined_sites = debug.inlined_sites[f];
    row.symbols = probed_symbols(plan.functions[f]);
    row.probed_copies = probed_copies(plan.functions[f]);
    bool has_symbol = !row.symbols.empty();
    if (!has_symbol)
      row.symbols = function.symbols;

    bpf::FunctionStats all_runs; // histograms summed over the runs
    std::vector<uint64_t> abandoned;
    for (const std::vector<bpf::FunctionStats> &run : runs.probes) {
      row.probe_calls_per_run.push_back(run[f].calls + run[f].abandoned);
      abandoned.push_back(run[f].abandoned);
      for (size_t slot = 0; slot < all_runs.hist.size(); slot++)
        all_runs.hist[slot] += run[f].hist[slot];
    }
    std::optional<std::vector<uint64_t>> metric_calls = metric_counts(f, sites[f], shared, runs, row);
    row.probe_calls = median_count(row.probe_calls_per_run);
    row.abandoned = median_count(abandoned);
    row.probe_p50_ns = all_runs.quantile_ns(0.5);
    row.probe_p99_ns = all_runs.quantile_ns(0.99);
    row.status = site_status(has_symbol, row.inlined_sites > 0 || debug.inlined_by_compiler[f],
                             row.probe_calls_per_run, metric_calls);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FunctionReport> compare_calls(const Manifest &manifest, const bpf::ProbePlan &plan,
                                          const std::vector<uint32_t> &callee_of, const DebugFacts &debug,
                                          const RunTallies &runs) {
  std::vector<Site> sites = sites_of(manifest);
  SharedPlaces shared = shared_places(sites);
  std::vector<FunctionReport> rows;
  for (size_t c = 0; c < manifest.calls.size(); c++) {
    const ManifestCall &call = manifest.calls[c];
    size_t site = manifest.functions.size() + c;
    FunctionReport row;
    row.name = call.callee;
    row.caller = call.caller;
    row.file = call.file;
    row.line = call.line;
    row.column = call.column;
    row.symbols = probed_symbols(plan.callees[callee_of[c]]);
    row.probed_copies = probed_copies(plan.callees[callee_of[c]]);
    bool has_symbol = !row.symbols.empty();
    if (!has_symbol)
      row.symbols = call.symbols;
    for (const CallProbeTally &run : runs.call_probes) {
      row.probe_calls_per_run.push_back(run.calls[c]);
      row.callee_calls_per_run.push_back(run.callee_calls[c]);
    }
    std::optional<std::vector<uint64_t>> metric_calls = metric_counts(site, sites[site], shared, runs, row);
    row.probe_calls = median_count(row.probe_calls_per_run);
    row.callee_calls = median_count(row.callee_calls_per_run);
    row.status = site_status(has_symbol, debug.inlined_calls[c], row.probe_calls_per_run, metric_calls);
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace orch::verify
