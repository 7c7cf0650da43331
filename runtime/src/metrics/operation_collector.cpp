#include "metrics/operation_collector.h"

#include <algorithm>
#include <cstring>

namespace orch::rt {
namespace {

// Instrument and attributes, sorted by key: the same series whatever order
// the attributes were given in.
std::string series_key(const std::string &instrument, const std::vector<OperationAttr> &attrs) {
  std::vector<const OperationAttr *> sorted;
  for (const OperationAttr &a : attrs) sorted.push_back(&a);
  std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->key < b->key; });
  std::string key = instrument;
  for (const OperationAttr *a : sorted) {
    key += '\x1f';
    key += a->key;
    key += '\x1e';
    key += static_cast<char>('0' + static_cast<int>(a->kind));
    key += a->kind == OperationAttr::Kind::Str ? a->str : std::to_string(a->i64);
  }
  return key;
}

// The series' latest sampled span, read under its sequence lock; false when
// there is none or the owner kept writing it.
bool read_exemplar(const OperationExemplar &x, uint64_t words[5]) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    const uint32_t seq = x.seq.load(std::memory_order_acquire);
    if (seq == 0) return false;
    if (seq & 1) continue;
    for (int i = 0; i < 5; ++i) words[i] = x.words[i].load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (x.seq.load(std::memory_order_relaxed) == seq) return true;
  }
  return false;
}

}  // namespace

void OperationCollector::add(ByKey &into, const OperationSeries &s) {
  static const std::vector<OperationAttr> kOverflow{{kOverflowAttribute, OperationAttr::Kind::Bool, "", 1}};
  std::string key = series_key(s.instrument, s.attrs);
  auto it = into.series.find(key);
  if (it == into.series.end()) {
    const std::vector<OperationAttr> *attrs = &s.attrs;
    if (*attrs != kOverflow && into.bounded[s.instrument]++ >= OperationTable::kMaxSeries) {
      --into.bounded[s.instrument];
      attrs = &kOverflow;
      key = series_key(s.instrument, kOverflow);
      it = into.series.find(key);
    }
    if (it == into.series.end()) it = into.series.emplace(key, Totals{s.instrument, s.description, s.unit, *attrs, {}, {}}).first;
  }
  Totals &t = it->second;
  t.durations.add(s.durations);
  uint64_t w[5];
  if (read_exemplar(s.exemplar, w) && w[3] > t.latest.end_ticks) {
    std::memcpy(t.latest.trace_id, w, 16);
    std::memcpy(t.latest.span_id, w + 2, 8);
    t.latest.end_ticks = w[3];
    t.latest.duration_ticks = w[4];
  }
}

void OperationCollector::retire(const OperationTable &table) {
  table.for_each([this](const OperationSeries &s) { add(retired_, s); });
}

std::span<const AttrView> OperationCollector::attribute_views(const std::vector<OperationAttr> &attrs) {
  std::vector<AttrView> &views = attrs_.emplace_back();
  for (const OperationAttr &a : attrs) {
    AttrView v = str_attr(a.key, a.str);
    if (a.kind == OperationAttr::Kind::Int) v.type = AttrType::Int, v.i = a.i64;
    if (a.kind == OperationAttr::Kind::Bool) v.type = AttrType::Bool, v.b = a.i64 != 0;
    views.push_back(v);
  }
  return views;
}

void OperationCollector::collect(std::span<const ThreadMetrics *const> threads, const TickClock &clock, uint64_t start,
                                 uint64_t now, std::vector<MetricView> &out) {
  points_.clear();
  attrs_.clear();
  exemplars_.clear();
  totals_ = retired_;
  for (const ThreadMetrics *m : threads) m->operations.for_each([&](const OperationSeries &s) { add(totals_, s); });

  const bool delta = temporality_ == Temporality::Delta;
  static const DurationTotals kNone;
  std::map<std::string, const Totals *> described;  // an instrument's name, description and unit
  for (const auto &[key, t] : totals_.series) {
    const DurationTotals *before = nullptr;
    if (delta) {
      auto r = reported_.find(key);
      before = r != reported_.end() ? &r->second : &kNone;
    }
    std::span<const ExemplarView> exemplar;
    const uint64_t end_unix_nano = t.latest.end_ticks ? clock.to_unix_nano(t.latest.end_ticks) : 0;
    if (end_unix_nano && end_unix_nano >= start) {  // a delta point's exemplar is from its interval
      ExemplarView &x = exemplars_.emplace_back();
      x.time_unix_nano = end_unix_nano;
      x.value = static_cast<double>(t.latest.duration_ticks) * clock.seconds_per_tick();
      std::memcpy(x.trace_id, t.latest.trace_id, 16);
      std::memcpy(x.span_id, t.latest.span_id, 8);
      exemplar = {&x, 1};
    }
    histograms_.add(points_[t.instrument], attribute_views(t.attrs), t.durations, before, exemplar, clock, start, now);
    described.emplace(t.instrument, &t);
  }
  for (const auto &[instrument, points] : points_) {
    if (points.empty()) continue;
    const Totals &t = *described.at(instrument);
    out.push_back(histograms_.metric(points, t.instrument, t.description, t.unit, temporality_));
  }
  if (delta) {
    reported_.clear();
    for (const auto &[key, t] : totals_.series) reported_.emplace(key, t.durations);
  }
}

}  // namespace orch::rt
