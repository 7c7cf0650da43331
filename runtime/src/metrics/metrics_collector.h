// Turns every thread's site cells into OTLP metrics, on the exporter thread:
// per site, a call counter, an error counter by error.type and a duration
// histogram (by error.type for failed calls), named by what the site is
// (docs/runtime.md, "Metrics").
//
// Calls without a span come from the threads' site cells; sampled spans are
// counted here as the exporter exports them (add_spans), which also gives the
// exemplars; the integrations' histograms come from OperationCollector.
// Threads' counts only grow; the collector sums them with those of threads
// that are gone (retire) and of the spans, and, for delta temporality,
// subtracts what it reported last time. The views returned stay valid until
// the next collect.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "clock.h"
#include "config/metrics_config.h"
#include "metric_data.h"
#include "metrics/metered_span.h"
#include "metrics/histogram_points.h"
#include "metrics/operation_collector.h"
#include "metrics/site_registry.h"
#include "metrics/thread_metrics.h"

namespace orch::rt {

class MetricsCollector {
public:
  // start_unix_nano: when counting began (the start of cumulative points).
  MetricsCollector(const MetricsConfig &config, uint64_t start_unix_nano);

  // A thread's metrics are about to be deleted: keep its counts.
  void retire(const ThreadMetrics &m);
  // Spans from span_begin being exported (or, at exit, left unexported: no
  // exemplar of them).
  void add_spans(std::span<const MeteredSpan> spans, bool exported);
  std::span<const MetricView> collect(std::span<const ThreadMetrics *const> threads, const TickClock &clock,
                                      uint64_t now_unix_nano);

private:
  struct ErrorTotals {
    std::string type;
    bool mangled = false;
    uint64_t errors = 0;
    DurationTotals durations;
  };
  struct SiteTotals {
    uint64_t calls = 0;
    DurationTotals durations;
    std::vector<ErrorTotals> errors;
    ErrorTotals &error(const std::string &type, bool mangled);
  };
  // The latest exported spans of a series (at most kMaxExemplars).
  struct SpanSample {
    uint64_t end_ticks, duration_ticks;
    uint8_t trace_id[16], span_id[8];
  };
  template <class T> struct BySeries {
    T ok;
    std::map<std::pair<std::string, bool>, T> errors;  // by (type, mangled)
  };
  using Samples = BySeries<std::vector<SpanSample>>;
  using Exemplars = BySeries<std::vector<ExemplarView>>;
  // The metrics of one kind of site (functions or call sites).
  struct Family {
    std::vector<SumPointView> calls, errors;
    HistogramPoints::Points histogram;
  };

  static void add(SiteTotals &into, const SiteCell &cell);
  static void add(SiteTotals &into, const SiteTotals &more);
  void make_exemplars(const TickClock &clock);
  void add_points(const SiteInfo &site, const SiteTotals &now, const SiteTotals *before, const TickClock &clock,
                  uint64_t start, uint64_t time);
  std::span<const AttrView> site_attributes(const SiteInfo &site, const std::string *error_type);

  const Temporality temporality_;
  HistogramPoints histograms_;
  OperationCollector operations_;
  uint64_t start_unix_nano_;
  uint64_t last_collect_unix_nano_;
  std::unordered_map<uint32_t, SiteTotals> retired_;
  std::unordered_map<uint32_t, SiteTotals> spans_;  // add_spans
  std::unordered_map<uint32_t, Samples> samples_;   // since the last collect when delta
  std::unordered_map<uint32_t, SiteTotals> reported_;  // delta: the totals of the last collect
  std::unordered_map<uint32_t, Exemplars> exemplars_;

  // Storage the views point into, rebuilt by each collect.
  Family functions_, call_sites_;
  std::deque<std::vector<AttrView>> attrs_;
  std::deque<std::string> strings_;
  std::vector<MetricView> metrics_;
};

}  // namespace orch::rt
