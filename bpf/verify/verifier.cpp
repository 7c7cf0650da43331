#include "verify/verifier.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "calibration/calibration.h"
#include "loader/exit_finder.h"
#include "loader/probe_plan.h"
#include "loader/probe_session.h"
#include "verify/call_places.h"
#include "verify/comparison.h"
#include "verify/debug_info.h"
#include "verify/manifest.h"
#include "verify/metric_file.h"
#include "verify/program_run.h"
#include "verify/runtime_stats.h"
#include "verify/temporary_directory.h"

namespace orch::verify {

namespace {

namespace fs = std::filesystem;

// Calls of the empty function per calibration: long enough to be stable,
// short enough (about a second probed) not to dominate a verification.
constexpr long kProbeCalibrationCalls = 100000;
constexpr long kSpanCalibrationCalls = 100000;

std::string read_file(const std::string &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The last lines of a run's stderr, to show with a failure.
std::string tail_of(const std::string &text, size_t lines) {
  size_t at = text.size();
  if (at > 0 && text[at - 1] == '\n')
    at--;
  while (lines-- > 0 && at != std::string::npos && at > 0)
    at = text.rfind('\n', at - 1);
  return at == std::string::npos || at == 0 ? text : text.substr(at + 1);
}

ModeReport summarize(const std::string &name, std::vector<RunMeasure> runs) {
  ModeReport mode;
  mode.name = name;
  std::vector<double> wall, cpu, rss, throughput;
  for (const RunMeasure &run : runs) {
    wall.push_back(run.wall_s);
    cpu.push_back(run.cpu_s);
    rss.push_back(static_cast<double>(run.max_rss_kb));
    if (run.throughput) {
      throughput.push_back(run.throughput->value);
      mode.throughput_unit = run.throughput->unit;
    }
  }
  mode.wall_s = spread_of(wall);
  mode.cpu_s = spread_of(cpu);
  mode.max_rss_kb = spread_of(rss);
  if (!throughput.empty())
    mode.throughput = spread_of(throughput);
  mode.runs = std::move(runs);
  return mode;
}

// Runs the three modes `options.runs` times, interleaved.
class ModeRunner {
public:
  ModeRunner(const Options &options, const Manifest &manifest, const bpf::ProbePlan &plan,
             const std::vector<uint32_t> &callee_of, ReturnPlaces &places, const TemporaryDirectory &temp,
             Report &report)
      : options_(options), manifest_(manifest), sites_(sites_of(manifest)), plan_(plan), callee_of_(callee_of),
        places_(places), temp_(temp), report_(report) {}

  void run_all(const std::function<void(const std::string &)> &progress) {
    for (int i = 0; i < options_.runs; i++) {
      RunMeasure plain = run_plain(i), ebpf = run_probed(i), instrumented = run_instrumented(i);
      char line[160];
      std::snprintf(line, sizeof line, "run %d/%d: plain %.3f s, ebpf %.3f s, instrumented %.3f s", i + 1,
                    options_.runs, plain.wall_s, ebpf.wall_s, instrumented.wall_s);
      progress(line);
      plain_runs_.push_back(plain);
      ebpf_runs_.push_back(ebpf);
      instrumented_runs_.push_back(instrumented);
    }
    report_.plain = summarize("plain", plain_runs_);
    report_.ebpf = summarize("ebpf", ebpf_runs_);
    report_.instrumented = summarize("instrumented", instrumented_runs_);
    report_.attach_s = spread_of(attach_s_);
    report_.detach_s = spread_of(detach_s_);
  }

  const RunTallies &tallies() const { return tallies_; }

private:
  RunSpec spec(const std::string &program, const std::string &run_name) const {
    RunSpec spec;
    spec.argv = {program};
    spec.argv.insert(spec.argv.end(), options_.args.begin(), options_.args.end());
    spec.setup.stdout_path = "/dev/null";
    spec.setup.stderr_path = temp_.file(run_name + ".err");
    spec.workload = options_.workload;
    spec.workload_output = temp_.file(run_name + ".workload");
    return spec;
  }

  RunMeasure measured(const RunSpec &spec, const std::string &run_name) {
    RunMeasure run = run_program(spec);
    if (!run.failure.empty()) {
      std::string err = tail_of(read_file(spec.setup.stderr_path), 5);
      report_.problems.push_back(run_name + ": " + run.failure + (err.empty() ? "" : "; its stderr ends:\n" + err));
    }
    return run;
  }

  RunMeasure run_plain(int i) { return measured(spec(options_.plain, name("plain", i)), name("plain", i)); }

  RunMeasure run_probed(int i) {
    bpf::ProbeSession session(plan_);
    report_.probe_count = session.probe_count();
    report_.uprobe_multi = session.uses_uprobe_multi();
    RunSpec probed = spec(options_.plain, name("ebpf", i));
    probed.before_release = [&](pid_t pid) { session.only_process(pid); };
    RunMeasure run = measured(probed, name("ebpf", i));
    tallies_.probes.push_back(session.function_stats());
    ProbedCallers callers{session.caller_entries(), session.return_address_places(), session.callee_addresses()};
    tallies_.call_probes.push_back(tally_call_probes(manifest_.calls, callee_of_, callers.entries, places_.place(callers)));
    report_.unplaced_callee_entries_per_run.push_back(tallies_.call_probes.back().unplaced);
    bpf::SessionCounters counters = session.counters();
    uint64_t callee_entries = counters.unknown_caller;
    for (const bpf::CallerEntries &entry : callers.entries)
      callee_entries += entry.entries;
    report_.callee_entries_per_run.push_back(callee_entries);
    report_.counters.stack_overflow += counters.stack_overflow;
    report_.counters.unmatched_exit += counters.unmatched_exit;
    report_.counters.no_stack_memory += counters.no_stack_memory;
    report_.counters.unknown_caller += counters.unknown_caller;
    session.detach();
    attach_s_.push_back(session.attach_seconds());
    detach_s_.push_back(session.detach_seconds());
    return run;
  }

  RunMeasure run_instrumented(int i) {
    std::string run_name = name("instrumented", i), metrics_path = temp_.file(run_name + ".metrics.jsonl"),
                stats_path = temp_.file(run_name + ".stats.jsonl");
    RunSpec traced = spec(options_.instrumented, run_name);
    // orch as a user runs it: the default sampler (parentbased_always_on,
    // unless OTEL_TRACES_SAMPLER says otherwise), span budget and queue; the
    // spans encoded as OTLP/JSON by the file exporter and written to
    // /dev/null (their export is paid, no disk is used). The calls are counted
    // by the metrics, every one, and exported cumulatively to a file at exit
    // (and every OTEL_METRIC_EXPORT_INTERVAL): one line per export, a few
    // hundred bytes per site, read back one line at a time. The runtime's
    // counters (dropped spans) come from its stats file.
    traced.setup.env = {"OTEL_SDK_DISABLED=false",
                        "OTEL_TRACES_EXPORTER=file",
                        "ORCH_FILE_EXPORTER_PATH=/dev/null",
                        "OTEL_METRICS_EXPORTER=file",
                        "ORCH_METRICS_FILE_PATH=" + metrics_path,
                        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=cumulative",
                        "ORCH_STATS_FILE=" + stats_path};
    RunMeasure run = measured(traced, run_name);
    std::error_code no_file;
    uintmax_t bytes = fs::file_size(metrics_path, no_file);
    report_.metrics_file_bytes = std::max<uint64_t>(report_.metrics_file_bytes, no_file ? 0 : bytes);
    tallies_.metrics.push_back(tally_metrics(sites_, read_metric_file(metrics_path)));
    fs::remove(metrics_path, no_file);
    report_.metric_sites_per_run.push_back(tallies_.metrics.back().sites);
    report_.unmatched_metric_sites_per_run.push_back(tallies_.metrics.back().unmatched);
    report_.spans_dropped += spans_dropped(stats_path);
    fs::remove(stats_path, no_file);
    return run;
  }

  static std::string name(const char *mode, int i) { return std::string(mode) + " run " + std::to_string(i + 1); }

  const Options &options_;
  const Manifest &manifest_;
  const std::vector<Site> sites_;
  const bpf::ProbePlan &plan_;
  const std::vector<uint32_t> &callee_of_;
  ReturnPlaces &places_;
  const TemporaryDirectory &temp_;
  Report &report_;
  std::vector<RunMeasure> plain_runs_, ebpf_runs_, instrumented_runs_;
  std::vector<double> attach_s_, detach_s_;
  RunTallies tallies_;
};

// The manifest's symbols; where none is in the plain build, the symbols its
// debug info gives for the function's file:line (GCC's lambda symbols, say).
std::vector<bpf::FunctionRequest> probe_requests(const std::vector<ManifestFunction> &functions,
                                                 const bpf::ElfImageSet &images, const DebugFacts &debug) {
  std::vector<bpf::FunctionRequest> requests;
  for (size_t i = 0; i < functions.size(); i++) {
    bpf::FunctionRequest request{functions[i].name, functions[i].symbols};
    bool found = std::any_of(request.symbols.begin(), request.symbols.end(),
                             [&](const std::string &symbol) { return images.find(symbol).has_value(); });
    if (!found)
      request.symbols = debug.defined_symbols[i];
    requests.push_back(std::move(request));
  }
  return requests;
}

// One entry probe per callee of the manifest's calls (calls of one callee
// share it); `callee_of[c]` is call c's.
std::vector<bpf::FunctionRequest> callee_requests(const std::vector<ManifestCall> &calls,
                                                  std::vector<uint32_t> &callee_of) {
  std::vector<bpf::FunctionRequest> requests;
  std::map<std::vector<std::string>, uint32_t> by_symbols;
  for (const ManifestCall &call : calls) {
    auto [at, added] = by_symbols.emplace(call.symbols, static_cast<uint32_t>(requests.size()));
    if (added)
      requests.push_back({call.callee, call.symbols});
    callee_of.push_back(at->second);
  }
  return requests;
}

// Extra CPU time of a mode over plain, per event; none when there are no
// events or the mode's median CPU is not above plain's (lost in the noise).
std::optional<double> cpu_ns_per_event(const ModeReport &mode, const ModeReport &plain, double events) {
  double extra_s = mode.cpu_s.median - plain.cpu_s.median;
  if (events <= 0 || extra_s <= 0)
    return std::nullopt;
  return extra_s * 1e9 / events;
}

// The settings of the instrumented runs that the environment may change.
std::string instrumented_setup() {
  auto setting = [](const char *name, const char *otherwise) {
    const char *value = std::getenv(name);
    return std::string(name) + "=" + (value && *value ? value : otherwise);
  };
  return setting("OTEL_TRACES_SAMPLER", "parentbased_always_on (default)") + ", " +
         setting("ORCH_SITE_SPAN_LIMIT", "the runtime's default span budget") + ", " +
         setting("OTEL_BSP_MAX_QUEUE_SIZE", "the runtime's default") +
         "; spans encoded by the file exporter to /dev/null; calls and durations from the metrics "
         "(file exporter, cumulative)";
}

void note_anomalies(Report &report) {
  if (report.counters.unknown_caller)
    report.problems.push_back(std::to_string(report.counters.unknown_caller) +
                              " entries of call sites' callees could not be counted (their return address "
                              "unreadable, or too many places): call site counts may be short");
  if (report.counters.unmatched_exit || report.counters.stack_overflow || report.counters.no_stack_memory)
    report.problems.push_back("probe anomalies: " + std::to_string(report.counters.unmatched_exit) +
                              " unmatched exits, " + std::to_string(report.counters.stack_overflow) +
                              " entries beyond the shadow stack's depth, " +
                              std::to_string(report.counters.no_stack_memory) + " threads without a shadow stack");
  int plain_status = report.plain.runs.empty() ? 0 : report.plain.runs[0].end.status();
  for (const RunMeasure &run : report.instrumented.runs)
    if (run.end.status() != plain_status) {
      report.problems.push_back("the instrumented program ended with " + run.end.describe() +
                                ", the plain one with " + report.plain.runs[0].end.describe());
      break;
    }
}

} // namespace

Report run_verification(const Options &options, const std::function<void(const std::string &)> &progress) {
  Report report;
  report.options = options;
  Manifest manifest = read_manifest(options.instrumented);
  if (manifest.functions.empty() && manifest.calls.empty())
    throw std::runtime_error(options.instrumented +
                             " and its libraries have no orch_manifest section: was it built through orch?");
  bpf::ElfImageSet images(options.plain);
  bpf::ExitFinder finder;
  DebugFacts debug = read_debug_facts(images, manifest);
  report.plain_has_debug_info = debug.any_debug_info;
  bpf::ProbePlan plan = bpf::plan_probes(images, probe_requests(manifest.functions, images, debug), finder);
  std::vector<uint32_t> callee_of;
  plan.callees = bpf::plan_callee_entries(images, callee_requests(manifest.calls, callee_of));
  progress(std::to_string(manifest.functions.size()) + " instrumented functions, " +
           std::to_string(manifest.calls.size()) + " call sites, " + std::to_string(plan.probe_count()) +
           " probes on " + options.plain);

  report.instrumented_setup = instrumented_setup();
  TemporaryDirectory temp;
  ReturnPlaces places(images);
  ModeRunner runner(options, manifest, plan, callee_of, places, temp, report);
  runner.run_all(progress);
  report.functions = compare_functions(manifest, plan, debug, runner.tallies());
  report.call_sites = compare_calls(manifest, plan, callee_of, debug, runner.tallies());

  progress("calibrating one probe hit and one span on an empty function");
  std::string target = bpf::calibration_target_path();
  report.probe_cost = bpf::measure_probe_cost(target, kProbeCalibrationCalls);
  report.span_cost = bpf::measure_span_cost(target, kSpanCalibrationCalls);

  double probe_hits = static_cast<double>(median_count(report.callee_entries_per_run));
  double counted_calls = 0;
  for (const FunctionReport &function : report.functions) {
    probe_hits += 2.0 * static_cast<double>(function.probe_calls); // entry + exit
    counted_calls += static_cast<double>(function.metric_calls.value_or(0));
  }
  for (const FunctionReport &call : report.call_sites)
    counted_calls += static_cast<double>(call.metric_calls.value_or(0));
  report.probe_hit_cpu_ns_in_program = cpu_ns_per_event(report.ebpf, report.plain, probe_hits);
  report.span_cpu_ns_in_program = cpu_ns_per_event(report.instrumented, report.plain, counted_calls);
  note_anomalies(report);
  return report;
}

bool Report::all_verified() const {
  for (const auto *rows : {&functions, &call_sites})
    for (const FunctionReport &row : *rows)
      if (row.status == "mismatch")
        return false;
  return problems.empty();
}

} // namespace orch::verify
