#include "metrics/operation_series.h"

#include <cstring>

namespace orch::rt {
namespace {

constexpr uint64_t kSeed = 0x243f6a8885a308d3ull;

// Eight bytes at a time: the series of an operation is found on every call.
uint64_t mix(uint64_t h, const void *data, size_t n) {
  const auto *p = static_cast<const unsigned char *>(data);
  for (; n >= 8; n -= 8, p += 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = (h ^ tail ^ (uint64_t{n} << 56)) * 0x9e3779b97f4a7c15ull;  // with its length: "a"+"bc" is not "ab"+"c"
  return h ^ (h >> 29);
}

uint64_t mix_string(uint64_t h, const char *s) { return mix(h, s, std::strlen(s)); }

uint64_t hash_of(const char *instrument, const orch_metric_attr *attrs, uint32_t n) {
  uint64_t h = mix_string(kSeed, instrument);
  for (uint32_t i = 0; i < n; ++i) {
    h = mix_string(h, attrs[i].key ? attrs[i].key : "");
    h = attrs[i].str ? mix_string(h, attrs[i].str) : mix(h ^ 1, &attrs[i].i64, 8);
  }
  return h;
}

// The hash of an instrument's overflow series: no attribute given matches it.
uint64_t overflow_hash(const char *instrument) { return mix(mix_string(kSeed, instrument), "overflow", 8); }

bool same(const OperationAttr &a, const orch_metric_attr &b) {
  if (a.key != (b.key ? b.key : "")) return false;
  if (b.str) return a.kind == OperationAttr::Kind::Str && a.str == b.str;
  return a.kind == OperationAttr::Kind::Int && a.i64 == b.i64;
}

const char *text(const char *s) { return s ? s : ""; }

}  // namespace

OperationTable::~OperationTable() {
  for (OperationSeries *s = head_.load(std::memory_order_relaxed); s;) {
    OperationSeries *next = s->next.load(std::memory_order_relaxed);
    delete s;
    s = next;
  }
}

OperationSeries *OperationTable::find(uint64_t hash, const char *instrument, const orch_metric_attr *attrs,
                                      uint32_t n) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    OperationSeries *s = slots_[i];
    if (!s) return nullptr;
    if (s->hash != hash || s->instrument != instrument) continue;
    if (!attrs) return s;  // the overflow series
    if (s->attrs.size() != n) continue;
    bool equal = true;
    for (uint32_t k = 0; k < n && equal; ++k) equal = same(s->attrs[k], attrs[k]);
    if (equal) return s;
  }
}

void OperationTable::index(OperationSeries *s) {
  if ((count_ + 1) * 2 > slots_.size()) {
    std::vector<OperationSeries *> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, nullptr);
    for (OperationSeries *o : old)
      if (o) index(o);
  }
  const size_t mask = slots_.size() - 1;
  size_t i = s->hash & mask;
  while (slots_[i]) i = (i + 1) & mask;
  slots_[i] = s;
}

OperationSeries *OperationTable::add(uint64_t hash, const orch_instrument &instrument, const orch_metric_attr *attrs,
                                     uint32_t n) {
  auto *s = new OperationSeries;
  s->instrument = text(instrument.name);
  s->description = text(instrument.description);
  s->unit = text(instrument.unit);
  s->hash = hash;
  if (attrs) {
    for (uint32_t i = 0; i < n; ++i) {
      OperationAttr &a = s->attrs.emplace_back();
      a.key = text(attrs[i].key);
      if (attrs[i].str) a.str = attrs[i].str;
      else a.kind = OperationAttr::Kind::Int, a.i64 = attrs[i].i64;
    }
  } else {
    s->attrs.push_back({kOverflowAttribute, OperationAttr::Kind::Bool, "", 1});
  }
  index(s);
  ++count_;
  s->next.store(head_.load(std::memory_order_relaxed), std::memory_order_relaxed);
  head_.store(s, std::memory_order_release);
  return s;
}

OperationSeries *OperationTable::series(const orch_instrument &instrument, const orch_metric_attr *attrs, uint32_t n) {
  static const orch_metric_attr kNone{};
  if (!attrs) attrs = &kNone, n = 0;  // below, no attributes (nullptr) means the overflow series
  const char *name = text(instrument.name);
  const uint64_t hash = hash_of(name, attrs, n);
  if (OperationSeries *s = find(hash, name, attrs, n)) return s;
  try {
    if (count_ < kMaxSeries) return add(hash, instrument, attrs, n);
    const uint64_t overflow = overflow_hash(name);
    if (OperationSeries *s = find(overflow, name, nullptr, 0)) return s;
    return add(overflow, instrument, nullptr, 0);
  } catch (...) {
    return nullptr;
  }
}

void OperationTable::reset_counts() {
  for (OperationSeries *s = head_.load(std::memory_order_relaxed); s; s = s->next.load(std::memory_order_relaxed)) {
    s->durations.reset();
    s->exemplar.seq.store(0, std::memory_order_relaxed);
  }
}

}  // namespace orch::rt
