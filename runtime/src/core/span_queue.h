// Finished spans of one thread, on their way to the exporter thread.
//
// A single-producer single-consumer queue made of fixed-size chunks: the
// owning thread appends Records to its tail chunk and publishes each with one
// release store; the exporter thread reads from the head chunk. A full chunk
// costs the producer one trip to the shared ChunkPool (amortised over
// kChunkRecords spans), which is also where OTEL_BSP_MAX_QUEUE_SIZE is
// enforced: when the full chunks waiting for export already hold the
// configured number of spans, new spans are dropped and counted.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>

#include "core/record.h"

namespace orch::rt {

constexpr uint32_t kChunkRecords = 32;

struct Chunk {
  std::atomic<uint32_t> published{0};  // records [0, published) are readable
  std::atomic<Chunk *> next{nullptr};  // set by the producer before it moves on
  Record records[kChunkRecords];
};

// Recycled chunks, shared by all threads, plus the count of spans in full chunks.
//
// Chunks are reused oldest first, and only once `rotation_` others wait
// behind them: a chunk the exporter has just read is in its core's caches,
// and every line a producer on another core then writes must first be taken
// back from there, one stall per line. With kMaxRotation chunks in rotation a
// producer on another core pays about what one sharing the exporter's core
// pays (burst_profile; docs/benchmarks.md, Runtime, "Fourth round", against
// reusing the chunk returned last).
class ChunkPool {
public:
  explicit ChunkPool(uint32_t max_queued_spans)
      : max_queued_(max_queued_spans), rotation_(std::min(kMaxRotation, max_queued_spans / kChunkRecords)) {}
  ~ChunkPool();
  ChunkPool(const ChunkPool &) = delete;
  ChunkPool &operator=(const ChunkPool &) = delete;

  // A fresh chunk, or nullptr when out of memory. Never blocks: if another
  // thread holds the free list, a new chunk is allocated instead.
  Chunk *take();
  void give_back(Chunk *c);

  // Accounting of spans in full chunks that wait for the exporter.
  bool reserve_full_chunk();  // false: the queue limit is reached
  void release_full_chunk() { queued_.fetch_sub(kChunkRecords, std::memory_order_relaxed); }
  uint32_t queued() const { return queued_.load(std::memory_order_relaxed); }

private:
  static constexpr uint32_t kMaxRotation = 64;
  const uint32_t max_queued_;
  const uint32_t rotation_;  // free chunks kept before one is reused
  std::atomic<uint32_t> queued_{0};
  std::mutex mu_;
  std::deque<Chunk *> free_;  // oldest first
};

// Outcome of SpanQueue::push.
enum class PushResult { Ok, OkFirstChunk, OkChunkFilled, Dropped };

class SpanQueue {
public:
  // Producer side (owning thread). Starts without a chunk: the first push takes one.
  PushResult push(const Record &r, ChunkPool &pool) {
    PushResult result = PushResult::Ok;
    if (__builtin_expect(!has_room(), 0)) {
      result = next_chunk(pool);
      if (result == PushResult::Dropped) return result;
    }
    push_with_room(r);
    return result;
  }
  // The tail chunk has a free slot: push_with_room cannot fail.
  bool has_room() const { return tail_ && write_ < kChunkRecords; }
  void push_with_room(const Record &r) {
    copy_used(r, tail_->records[write_]);
    tail_->published.store(++write_, std::memory_order_release);
  }

  // Consumer side (exporter thread): the records published since the last
  // consume(), up to `max`, without releasing them.
  template <class F> uint32_t peek(uint32_t max, F &&visit);
  // Releases what peek() visited: full chunks go back to the pool.
  void consume(uint32_t n, ChunkPool &pool);
  // Returns every chunk to the pool (the queue must not be used afterwards).
  void release_all(ChunkPool &pool);
  // Frees every chunk without the pool (after fork, in the child, where the
  // parent's pool may be locked by a thread that does not exist).
  void discard();

private:
  // Only the cache lines in use: the header and the used attributes, then the
  // used string bytes. Every cache line not written is one less to pull from
  // the exporter's core, which read this slot last. The two fixed sizes
  // compile to a few vector moves, where a copy of the exact length would be a
  // call into memcpy on every span (bench_span).
  static void copy_used(const Record &r, Record &slot) {
    const auto *base = reinterpret_cast<const char *>(&r);
    const size_t used = reinterpret_cast<const char *>(&r.attrs[r.n_attrs]) - base;
    if (used <= 128) std::memcpy(static_cast<void *>(&slot), base, 128);
    else std::memcpy(static_cast<void *>(&slot), base, sizeof(Record) - sizeof(r.str));  // str is last
    if (r.str_used) std::memcpy(slot.str, r.str, r.str_used);
  }
  // Moves to a fresh tail chunk (the first, or after a full one).
  __attribute__((noinline)) PushResult next_chunk(ChunkPool &pool);

  // Producer state.
  Chunk *tail_ = nullptr;
  uint32_t write_ = 0;
  // Consumer state. head_ is set by the producer for the very first chunk.
  std::atomic<Chunk *> head_{nullptr};
  uint32_t read_ = 0;
};

template <class F> uint32_t SpanQueue::peek(uint32_t max, F &&visit) {
  Chunk *c = head_.load(std::memory_order_acquire);
  uint32_t pos = read_, seen = 0;
  while (c && seen < max) {
    uint32_t avail = c->published.load(std::memory_order_acquire);
    while (pos < avail && seen < max) {
      visit(c->records[pos++]);
      ++seen;
    }
    if (pos < kChunkRecords) break;
    c = c->next.load(std::memory_order_acquire);
    pos = 0;
  }
  return seen;
}

}  // namespace orch::rt
