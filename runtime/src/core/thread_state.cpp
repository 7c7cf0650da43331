#include "core/thread_state.h"

#include <mutex>
#include <new>
#include <pthread.h>

#include "core/runtime.h"
#include "core/trace_context.h"

namespace orch::rt {
namespace {

constexpr int kRecordBlock = 16;

// In-flight Records are never returned to the allocator: a span may end on
// another thread than the one that started it (coroutines), so a Record can
// sit on any thread's free list. Finished threads hand theirs over here.
std::mutex g_spare_mu;
Record *g_spare_records = nullptr;

pthread_key_t g_exit_key;

// Runs when a thread that created spans exits: its queue is drained by the
// exporter thread, which then deletes the state.
void on_thread_exit(void *p) {
  auto *ts = static_cast<ThreadState *>(p);
  if (tls_thread_state == ts) tls_thread_state = nullptr;
  drop_chain_at_exit(ts->current);  // contexts left attached (pthread_exit, a missing detach)
  recycle_records(ts->free_records);
  ts->free_records = nullptr;
  ts->exited.store(true, std::memory_order_release);
  if (Runtime *rt = Runtime::instance()) rt->wake_exporter();
}

}  // namespace

void recycle_records(Record *list) {
  if (!list) return;
  Record *last = list;
  while (last->prev) last = static_cast<Record *>(last->prev);
  std::lock_guard lock(g_spare_mu);
  last->prev = g_spare_records;
  g_spare_records = list;
}

void lock_spare_records() { g_spare_mu.lock(); }
void unlock_spare_records() { g_spare_mu.unlock(); }

Record *ThreadState::alloc_record_slow() {
  {
    std::lock_guard lock(g_spare_mu);
    // Take up to one block's worth of spare Records.
    for (int i = 0; i < kRecordBlock && g_spare_records; ++i) {
      Record *r = g_spare_records;
      g_spare_records = static_cast<Record *>(r->prev);
      free_record(r);
    }
  }
  if (!free_records) {
    auto *block = new (std::nothrow) Record[kRecordBlock];
    if (!block) return nullptr;
    for (int i = 0; i < kRecordBlock; ++i) free_record(&block[i]);
  }
  return take_free_record();
}

ThreadState *thread_state() {
  if (ThreadState *ts = tls_thread_state) return ts;
  Runtime *rt = Runtime::instance();
  if (!rt) return nullptr;
  static std::once_flag key_once;
  std::call_once(key_once, [] { pthread_key_create(&g_exit_key, on_thread_exit); });
  auto *ts = new (std::nothrow) ThreadState;
  if (!ts) return nullptr;
  ts->ids.seed();
  if (!rt->register_thread(ts)) {
    delete ts;
    return nullptr;
  }
  pthread_setspecific(g_exit_key, ts);
  tls_thread_state = ts;
  // Spans start the exporter thread when they are published; counted calls
  // need it for their periodic export even when no span is ever recorded.
  if (rt->metrics_on()) rt->ensure_worker();
  return ts;
}

}  // namespace orch::rt
