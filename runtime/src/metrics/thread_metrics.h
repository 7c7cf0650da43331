// One thread's metrics: a SiteCell per site it called, indexed by site id,
// and the calls it is timing. Owned and written by its thread; the exporter
// thread reads the cells (for_each_cell) and deletes the whole when the
// thread's state goes.
//
// Timing: a span's duration comes from its own timestamps (the exporter
// thread counts exported spans; a span dropped on the way is counted here). A
// call without a span is timed one in about N (ORCH_METRICS_TIME_ONE_IN) at random, and its
// duration stands for the calls since the previous timed one (its weight):
// counts are exact, the histogram is an estimate whose count equals the
// calls up to the ones still waiting for a timed call. After a call that
// took long (MetricsHot::always_time_ticks), the next one is timed too, so
// slow sites are timed every call.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "clock.h"
#include "metrics/operation_series.h"
#include "metrics/site_cell.h"
#include "metrics/site_registry.h"

namespace orch::rt {

// What the metered hot path reads; fixed when the runtime starts.
struct MetricsHot {
  // 0: no metrics: no call is counted. A plain integer read through
  // std::atomic_ref, like HotConfig::off.
  alignas(4) uint32_t on = 0;
  uint32_t time_one_in = 32;
  uint64_t always_time_ticks = 4096;
  // The span budget (ORCH_SITE_SPAN_LIMIT spans a second per site and
  // thread; 0: no limit), a token bucket: a site earns a span every
  // ticks_per_span and keeps at most budget_burst of them.
  uint32_t span_limit = 0;
  uint32_t budget_burst = 1;
  uint64_t ticks_per_span = 1;
  bool enabled() { return std::atomic_ref(on).load(std::memory_order_relaxed) != 0; }
};
inline MetricsHot g_metrics_hot;

struct TimedCall {
  SiteCell *cell;
  ErrorSeries *failed;  // set when the call fails
  uint64_t start_ticks;
  uint64_t weight;
};

class ThreadMetrics {
public:
  explicit ThreadMetrics(uint64_t seed) : rng_(seed | 1) {}
  ThreadMetrics(const ThreadMetrics &) = delete;
  ThreadMetrics &operator=(const ThreadMetrics &) = delete;
  ~ThreadMetrics();

  // The site's cell on this thread if it has one already.
  SiteCell *existing_cell(const orch_site *site) const {
    const uint32_t id = registered_site_id(site);
    return __builtin_expect(id < capacity_, 1) ? cells_[id].load(std::memory_order_relaxed) : nullptr;
  }
  // The site's cell on this thread; nullptr only when out of memory.
  SiteCell *cell(const orch_site *site) {
    if (SiteCell *c = existing_cell(site)) return c;
    return cell_slow(site);
  }

  // Counts a call that records no span; true when this one is to be timed
  // (begin_timed then gives its slot).
  static bool count_untraced(SiteCell *c) {
    c->calls.add(1);
    if (__builtin_expect(--c->countdown != 0, 1)) {
      ++c->untimed;
      return false;
    }
    return true;
  }
  // A span may start at the cell's site now (the span budget); when not,
  // the call is to be counted as folded (SiteCell::folded). Out of spans,
  // the clock is read again only after half the calls a span takes to earn
  // at the site's pace, at most kMaxFoldedUnseen: a hot site's folded calls
  // read no clock, and a site that slows down gets its span within as many
  // calls.
  static bool take_span(SiteCell *c) {
    if (c->spans_left) {
      --c->spans_left;
      return true;
    }
    if (c->folded < c->budget_next_look) return false;
    return refill_budget(c);
  }

  // The slot of a call to time; nullptr when too many are nested.
  TimedCall *begin_timed(SiteCell *c);
  // For a call to time: how many calls it stands for (see above); the next
  // timed call of the cell is drawn.
  uint64_t take_weight(SiteCell *c);
  // A timed call ended `ticks` after its start.
  void end_timed(TimedCall *t, uint64_t ticks);

  // The series of failures of this type at the cell (found or added);
  // nullptr when out of memory.
  ErrorSeries *error_series(SiteCell *c, const char *type, bool mangled);

  // Exporter thread: f(site id, cell) for every cell.
  template <class F> void for_each_cell(F f) const {
    const Table *t = published_.load(std::memory_order_acquire);
    if (!t) return;
    for (uint32_t id = 0; id < t->capacity; ++id)
      if (const SiteCell *c = t->cells[id].load(std::memory_order_acquire)) f(id, *c);
  }

  // In a forked child: the parent's counts are the parent's.
  void reset_counts();

  // The integrations' semantic-conventions histograms (op_record).
  OperationTable operations;

  static constexpr uint64_t kMaxFoldedUnseen = 16;

private:
  static bool refill_budget(SiteCell *c);

  struct Table {
    uint32_t capacity;
    std::atomic<SiteCell *> *cells;
  };
  static constexpr int kMaxTimedDepth = 64;

  SiteCell *cell_slow(const orch_site *site);
  uint32_t random_countdown();

  // The owner's view of the newest table; the exporter's is `published_`.
  std::atomic<SiteCell *> *cells_ = nullptr;
  uint32_t capacity_ = 0;
  std::atomic<const Table *> published_{nullptr};
  std::vector<Table *> tables_;  // every table made, freed with the object
  TimedCall timed_[kMaxTimedDepth];
  uint32_t depth_ = 0;
  uint64_t rng_;
};

}  // namespace orch::rt
