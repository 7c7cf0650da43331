// What one thread measured for the integrations' semantic-conventions
// histograms (orch_api_v1::op_record): a series per instrument and set of
// attribute values, found by a hash index that only the owner reads, and
// published as a list that the exporter thread walks. Like SiteCell, written
// by its thread only.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "metrics/site_cell.h"
#include "orch/orch.h"

namespace orch::rt {

struct OperationAttr {
  enum class Kind : uint8_t { Str, Int, Bool };
  std::string key;
  Kind kind = Kind::Str;
  std::string str;
  int64_t i64 = 0;
  bool operator==(const OperationAttr &) const = default;
};

// The attribute an overflow series has (metrics SDK spec, cardinality limits).
inline constexpr const char *kOverflowAttribute = "otel.metric.overflow";

// The latest sampled span measured in a series, under a sequence lock: the
// owner makes `seq` odd while it writes.
struct OperationExemplar {
  std::atomic<uint32_t> seq{0};
  std::atomic<uint64_t> words[5] = {};  // trace id (2), span id, end ticks, duration ticks
};

struct OperationSeries {
  std::string instrument, description, unit;
  std::vector<OperationAttr> attrs;
  uint64_t hash = 0;
  DurationCounts durations;
  OperationExemplar exemplar;
  std::atomic<OperationSeries *> next{nullptr};
};

class OperationTable {
public:
  // Series a thread keeps, all instruments together; measurements beyond go
  // to the instrument's overflow series.
  static constexpr size_t kMaxSeries = 2000;

  OperationTable() = default;
  OperationTable(const OperationTable &) = delete;
  OperationTable &operator=(const OperationTable &) = delete;
  ~OperationTable();

  // The series of these attributes (found or added); nullptr when out of memory.
  OperationSeries *series(const orch_instrument &instrument, const orch_metric_attr *attrs, uint32_t n);

  // Exporter thread: f(series) for every series.
  template <class F> void for_each(F f) const {
    for (const OperationSeries *s = head_.load(std::memory_order_acquire); s; s = s->next.load(std::memory_order_acquire))
      f(*s);
  }

  // In a forked child: the parent's measurements are the parent's.
  void reset_counts();

private:
  OperationSeries *find(uint64_t hash, const char *instrument, const orch_metric_attr *attrs, uint32_t n) const;
  OperationSeries *add(uint64_t hash, const orch_instrument &instrument, const orch_metric_attr *attrs, uint32_t n);
  void index(OperationSeries *s);

  std::atomic<OperationSeries *> head_{nullptr};
  std::vector<OperationSeries *> slots_;  // open addressing by hash, owner-only
  size_t count_ = 0;
};

}  // namespace orch::rt
