#include "core/span_queue.h"

#include <cpuid.h>

#include <new>

namespace orch::rt {
namespace {

bool cpu_has_prefetchw() {
  unsigned a, b, c, d;
  return __get_cpuid(0x80000001, &a, &b, &c, &d) && (c & bit_PRFCHW);
}

// Even a chunk out of the rotation may still have lines in the exporter's
// caches. Asking for the lines a producer writes (the first two of each slot,
// what span_end copies in the usual case) as the chunk is taken overlaps their
// transfers instead of stalling on them one span at a time. PREFETCHW faults
// on CPUs without it, hence the check.
__attribute__((target("prfchw"))) void prefetch_slots_for_write(Chunk &c) {
  for (Record &slot : c.records) {
    __builtin_prefetch(&slot, 1, 3);
    __builtin_prefetch(reinterpret_cast<const char *>(&slot) + 64, 1, 3);
  }
}

}  // namespace

ChunkPool::~ChunkPool() {
  for (Chunk *c : free_) delete c;
}

Chunk *ChunkPool::take() {
  Chunk *c = nullptr;
  if (mu_.try_lock()) {
    if (free_.size() > rotation_) {
      c = free_.front();
      free_.pop_front();
    }
    mu_.unlock();
  }
  if (!c) return new (std::nothrow) Chunk;
  c->published.store(0, std::memory_order_relaxed);
  c->next.store(nullptr, std::memory_order_relaxed);
  return c;
}

void ChunkPool::give_back(Chunk *c) {
  std::lock_guard lock(mu_);
  try {
    free_.push_back(c);
  } catch (...) {
    delete c;
  }
}

bool ChunkPool::reserve_full_chunk() {
  uint32_t q = queued_.load(std::memory_order_relaxed);
  do {
    if (q + kChunkRecords > max_queued_) return false;
  } while (!queued_.compare_exchange_weak(q, q + kChunkRecords, std::memory_order_relaxed));
  return true;
}

PushResult SpanQueue::next_chunk(ChunkPool &pool) {
  // The full tail chunk counts against the queue limit until exported.
  if (tail_ && !pool.reserve_full_chunk()) return PushResult::Dropped;
  Chunk *c = pool.take();
  if (!c) {
    if (tail_) pool.release_full_chunk();
    return PushResult::Dropped;
  }
  PushResult result;
  if (tail_) {
    tail_->next.store(c, std::memory_order_release);
    result = PushResult::OkChunkFilled;
  } else {
    head_.store(c, std::memory_order_release);
    result = PushResult::OkFirstChunk;
  }
  tail_ = c;
  write_ = 0;
  static const bool prefetchw = cpu_has_prefetchw();
  if (prefetchw) prefetch_slots_for_write(*c);
  return result;
}

void SpanQueue::consume(uint32_t n, ChunkPool &pool) {
  Chunk *c = head_.load(std::memory_order_acquire);
  read_ += n;
  // A chunk is released once fully read and the producer has moved past it.
  while (c && read_ >= kChunkRecords) {
    Chunk *next = c->next.load(std::memory_order_acquire);
    if (!next) break;
    read_ -= kChunkRecords;
    head_.store(next, std::memory_order_release);
    pool.release_full_chunk();
    pool.give_back(c);
    c = next;
  }
}

void SpanQueue::release_all(ChunkPool &pool) {
  Chunk *c = head_.exchange(nullptr, std::memory_order_acq_rel);
  while (c) {
    Chunk *next = c->next.load(std::memory_order_acquire);
    if (next) pool.release_full_chunk();
    pool.give_back(c);
    c = next;
  }
  tail_ = nullptr;
  write_ = read_ = 0;
}

void SpanQueue::discard() {
  Chunk *c = head_.exchange(nullptr, std::memory_order_relaxed);
  while (c) {
    Chunk *next = c->next.load(std::memory_order_relaxed);
    delete c;
    c = next;
  }
  tail_ = nullptr;
  write_ = read_ = 0;
}

}  // namespace orch::rt
