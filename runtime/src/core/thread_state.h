// Everything the hot path of one thread touches: its context chain, a pool
// of in-flight Records, its id generator, its queue of finished spans and its
// metrics.
// Reached through one initial-exec TLS pointer (no __tls_get_addr call).
#pragma once

#include <atomic>
#include <cstdint>

#include "core/ids.h"
#include "core/record.h"
#include "core/span_queue.h"
#include "metrics/thread_metrics.h"

namespace orch::rt {

struct ThreadState {
  Frame *current = nullptr;  // innermost context frame
  Record *free_records = nullptr;
  IdGenerator ids;
  SpanQueue queue;
  ThreadMetrics metrics{reinterpret_cast<uintptr_t>(this)};
  std::atomic<bool> exited{false};  // the thread is gone: drain, then delete
  // Owner-written, read by others: per-thread, so that counting costs no
  // shared cache line even when every span is dropped.
  std::atomic<uint64_t> published{0};
  std::atomic<uint64_t> dropped{0};

  static void bump(std::atomic<uint64_t> &counter) {
    counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }

  Record *alloc_record() { return __builtin_expect(free_records != nullptr, 1) ? take_free_record() : alloc_record_slow(); }
  // free_records must not be empty.
  Record *take_free_record() {
    Record *r = free_records;
    free_records = static_cast<Record *>(r->prev);
    return r;
  }
  void free_record(Record *r) {
    r->prev = free_records;
    free_records = r;
  }

private:
  Record *alloc_record_slow();
};

inline thread_local ThreadState *tls_thread_state __attribute__((tls_model("initial-exec"))) = nullptr;

// The calling thread's state, created and registered on first use; nullptr
// only when out of memory.
ThreadState *thread_state();

// Gives the in-flight Records of a finished thread to the threads that come later.
void recycle_records(Record *list);
// Held across fork() so that the child does not inherit a locked spare list.
void lock_spare_records();
void unlock_spare_records();

}  // namespace orch::rt
