// The integrations' semantic-conventions histograms (op_record) as OTLP
// metrics, on the exporter thread: every thread's series of an instrument
// summed by their attributes (in any order), one histogram per instrument,
// each point with the latest sampled span measured in it as exemplar. At most
// OperationTable::kMaxSeries series per instrument; measurements beyond go to
// its overflow series (otel.metric.overflow=true).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "clock.h"
#include "metric_data.h"
#include "metrics/histogram_points.h"
#include "metrics/thread_metrics.h"

namespace orch::rt {

class OperationCollector {
public:
  // `histograms` makes the points (and owns their buckets).
  OperationCollector(Temporality temporality, HistogramPoints &histograms)
      : temporality_(temporality), histograms_(histograms) {}

  // A thread's series are about to be deleted: keep their measurements.
  void retire(const OperationTable &table);
  // Appends a histogram per instrument measured; `start` is the points'
  // start time. The views stay valid until the next collect.
  void collect(std::span<const ThreadMetrics *const> threads, const TickClock &clock, uint64_t start, uint64_t now,
               std::vector<MetricView> &out);

private:
  struct Sample {
    uint64_t end_ticks = 0, duration_ticks = 0;
    uint8_t trace_id[16], span_id[8];
  };
  struct Totals {
    std::string instrument, description, unit;
    std::vector<OperationAttr> attrs;
    DurationTotals durations;
    Sample latest;  // end_ticks 0: none
  };
  struct ByKey {
    std::map<std::string, Totals> series;      // by series_key
    std::map<std::string, size_t> bounded;     // series counted in the limit, by instrument
  };

  static void add(ByKey &into, const OperationSeries &s);
  std::span<const AttrView> attribute_views(const std::vector<OperationAttr> &attrs);

  const Temporality temporality_;
  HistogramPoints &histograms_;
  ByKey retired_;
  std::map<std::string, DurationTotals> reported_;  // delta: the totals of the last collect

  // What the views point into, rebuilt by each collect.
  ByKey totals_;
  std::map<std::string, HistogramPoints::Points> points_;  // by instrument
  std::deque<std::vector<AttrView>> attrs_;
  std::deque<ExemplarView> exemplars_;
};

}  // namespace orch::rt
