#include "metrics/thread_metrics.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "clock.h"

namespace orch::rt {

ThreadMetrics::~ThreadMetrics() {
  if (const Table *t = published_.load(std::memory_order_relaxed)) {
    for (uint32_t id = 0; id < t->capacity; ++id) {
      SiteCell *c = t->cells[id].load(std::memory_order_relaxed);
      if (!c) continue;
      for (ErrorSeries *e = c->errors.load(std::memory_order_relaxed); e;) {
        ErrorSeries *next = e->next.load(std::memory_order_relaxed);
        delete e;
        e = next;
      }
      delete c;
    }
  }
  for (Table *t : tables_) {
    delete[] t->cells;
    delete t;
  }
}

SiteCell *ThreadMetrics::cell_slow(const orch_site *site) {
  uint32_t id = registered_site_id(site);
  if (!id && !(id = register_site(site))) return nullptr;
  try {
    if (id >= capacity_) {
      // Grow to the next power of two; the old table stays readable until the end.
      uint32_t capacity = capacity_ ? capacity_ : 64;
      while (capacity <= id) capacity *= 2;
      tables_.reserve(tables_.size() + 1);
      auto *cells = new std::atomic<SiteCell *>[capacity];
      for (uint32_t i = 0; i < capacity; ++i)
        cells[i].store(i < capacity_ ? cells_[i].load(std::memory_order_relaxed) : nullptr, std::memory_order_relaxed);
      auto *table = new Table{capacity, cells};
      tables_.push_back(table);
      cells_ = cells;
      capacity_ = capacity;
      published_.store(table, std::memory_order_release);
    }
    auto *c = new SiteCell;
    cells_[id].store(c, std::memory_order_release);
    return c;
  } catch (...) {
    return nullptr;
  }
}

bool ThreadMetrics::refill_budget(SiteCell *c) {
  const uint64_t now = now_ticks();
  const uint64_t per_span = g_metrics_hot.ticks_per_span;
  const uint64_t earned = (now - c->budget_refilled) / per_span;
  if (!earned) {
    // The calls folded since the last span, at their pace, per span earned.
    const uint64_t calls_per_span = c->folded * per_span / std::max<uint64_t>(now - c->budget_refilled, 1);
    c->budget_next_look = c->folded + std::clamp<uint64_t>(calls_per_span / 2, 1, kMaxFoldedUnseen);
    return false;
  }
  const uint32_t burst = g_metrics_hot.budget_burst;
  c->budget_refilled = earned >= burst ? now : c->budget_refilled + earned * per_span;
  c->spans_left = static_cast<uint32_t>(std::min<uint64_t>(earned, burst)) - 1;
  c->budget_next_look = 0;
  return true;
}

TimedCall *ThreadMetrics::begin_timed(SiteCell *c) {
  if (depth_ == kMaxTimedDepth) {
    c->countdown = 1;  // try again at the next call
    ++c->untimed;
    return nullptr;
  }
  TimedCall *t = &timed_[depth_++];
  t->cell = c;
  t->failed = nullptr;
  t->weight = take_weight(c);
  return t;
}

uint64_t ThreadMetrics::take_weight(SiteCell *c) {
  const uint64_t weight = uint64_t{c->untimed} + 1;
  c->untimed = 0;
  c->countdown = random_countdown();
  return weight;
}

void ThreadMetrics::end_timed(TimedCall *t, uint64_t ticks) {
  depth_ = static_cast<uint32_t>(t - timed_);
  SiteCell *c = t->cell;
  DurationCounts &d = t->failed ? t->failed->durations : c->durations;
  const double seconds = static_cast<double>(ticks) * tick_seconds();
  d.add(duration_bucket(seconds), ticks, t->weight);
  if (ticks >= g_metrics_hot.always_time_ticks) c->countdown = 1;
}

uint32_t ThreadMetrics::random_countdown() {
  const uint32_t n = g_metrics_hot.time_one_in;
  if (n <= 1) return 1;
  rng_ ^= rng_ << 13;
  rng_ ^= rng_ >> 7;
  rng_ ^= rng_ << 17;
  return 1 + static_cast<uint32_t>(rng_ % (2 * uint64_t{n} - 1));  // mean n
}

ErrorSeries *ThreadMetrics::error_series(SiteCell *c, const char *type, bool mangled) {
  if (!type) type = kOtherErrorType;
  for (ErrorSeries *e = c->errors.load(std::memory_order_relaxed); e; e = e->next.load(std::memory_order_relaxed))
    if (e->mangled == mangled && e->error_type == type) return e;
  try {
    auto *e = new ErrorSeries;
    e->error_type = type;
    e->mangled = mangled;
    e->next.store(c->errors.load(std::memory_order_relaxed), std::memory_order_relaxed);
    c->errors.store(e, std::memory_order_release);
    return e;
  } catch (...) {
    return nullptr;
  }
}

void ThreadMetrics::reset_counts() {
  depth_ = 0;
  operations.reset_counts();
  for (uint32_t id = 0; id < capacity_; ++id) {
    SiteCell *c = cells_[id].load(std::memory_order_relaxed);
    if (!c) continue;
    c->calls.value.store(0, std::memory_order_relaxed);
    c->untimed = 0;
    c->folded = 0;
    c->durations.reset();
    for (ErrorSeries *e = c->errors.load(std::memory_order_relaxed); e; e = e->next.load(std::memory_order_relaxed)) {
      e->errors.value.store(0, std::memory_order_relaxed);
      e->durations.reset();
    }
  }
}

}  // namespace orch::rt
