#include "core/export_worker.h"

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

#include "core/thread_state.h"

namespace orch::rt {
namespace {

void futex_wait(std::atomic<uint32_t> *word, uint32_t expected, std::chrono::nanoseconds timeout) {
  timespec ts{static_cast<time_t>(timeout.count() / 1000000000), static_cast<long>(timeout.count() % 1000000000)};
  syscall(SYS_futex, reinterpret_cast<uint32_t *>(word), FUTEX_WAIT_PRIVATE, expected, &ts, nullptr, 0);
}

void futex_wake_all(std::atomic<uint32_t> *word) {
  syscall(SYS_futex, reinterpret_cast<uint32_t *>(word), FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr, nullptr, 0);
}

MeteredSpan metered_span(const Record &r) {
  bool mangled = false;
  const bool failed = r.status == StatusCode::Error;
  const char *type = failed ? failure_type(r, mangled) : nullptr;
  return {r.site, r.start_ticks, r.end_ticks, failed, type, mangled, r.trace_id, r.span_id};
}

}  // namespace

ExportWorker::ExportWorker(Runtime &rt, ExporterFactory factory, MetricExporterFactory metric_factory)
    : rt_(rt),
      factory_(factory),
      metric_factory_(rt.metrics_on() ? metric_factory : nullptr),
      builder_(rt.config().limits.attribute_count) {
  if (metric_factory_) collector_.emplace(rt.config().metrics, realtime_ns());
}

bool ExportWorker::start() {
  // Signals are for the program's threads, not ours.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  try {
    thread_ = std::thread([this] { run(); });
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return false;
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return true;
}

void ExportWorker::wake() {
  wake_seq_.fetch_add(1, std::memory_order_seq_cst);
  // One system call per sleep: until the worker runs (which may take a tick,
  // see run()), later wakers find the flag cleared.
  if (sleeping_.load(std::memory_order_seq_cst) && sleeping_.exchange(false, std::memory_order_seq_cst))
    futex_wake_all(&wake_seq_);
}

void ExportWorker::sleep_until_work(Clock::time_point until) {
  const uint32_t seq = wake_seq_.load(std::memory_order_seq_cst);
  sleeping_.store(true, std::memory_order_seq_cst);
  // Re-check after announcing sleep: a producer that saw sleeping_ == false
  // has already bumped wake_seq_, which makes the futex wait return at once.
  bool work = rt_.pool().queued() >= g_hot.wake_threshold || stop_.load();
  {
    std::lock_guard lock(mu_);
    work = work || flush_requested_ > flush_done_;
  }
  auto now = Clock::now();
  if (!work && until > now) futex_wait(&wake_seq_, seq, until - now);
  sleeping_.store(false, std::memory_order_relaxed);
}

void ExportWorker::create_exporters() {
  if (resource_) return;
  try {
    resource_.emplace(EnvReader(process_env(), warn_stderr), baked_service_name());
    auto exporter = factory_(rt_.config());
    auto metric_exporter = metric_factory_ ? metric_factory_(rt_.config()) : nullptr;
    std::lock_guard lock(mu_);
    exporter_ = std::move(exporter);
    metric_exporter_ = std::move(metric_exporter);
    if (exiting_ && exporter_) exporter_->program_exiting();
    if (exiting_ && metric_exporter_) metric_exporter_->program_exiting();
  } catch (...) {
    // Without an exporter the batches are counted as failed (see export_batch).
  }
  Runtime::register_exit_handler();  // after the exporter's libraries registered theirs
}

void ExportWorker::run() {
  // SCHED_BATCH: waking the worker never preempts the thread that woke it
  // (the program's, mid-burst); it runs on an idle vCPU, or at the next tick.
  const sched_param batch{};
  pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch);
  const auto delay = std::chrono::milliseconds(rt_.config().batch.schedule_delay_ms);
  const auto metrics_interval = std::chrono::milliseconds(rt_.config().metrics.interval_ms);
  auto next_scheduled = Clock::now() + delay;
  auto next_metrics = collector_ ? Clock::now() + metrics_interval : Clock::time_point::max();
  while (true) {
    sleep_until_work(std::min(next_scheduled, next_metrics));
    std::lock_guard work(work_mu_);
    if (stop_.load()) {
      if (!exited()) last_round(Clock::time_point::max());
      return;
    }
    create_exporters();
    uint64_t flush_target;
    {
      std::lock_guard lock(mu_);
      flush_target = flush_requested_;
    }
    const bool scheduled = Clock::now() >= next_scheduled;
    // Export full batches; on schedule or flush, everything there is.
    const bool all = scheduled || flush_target > flush_done_;
    while (true) {
      size_t n = export_batch(Clock::time_point::max());
      if (n == 0 || (!all && rt_.pool().queued() < g_hot.wake_threshold)) break;
    }
    if (collector_ && (flush_target > flush_done_ || Clock::now() >= next_metrics)) {
      export_metrics(Clock::time_point::max());
      next_metrics = Clock::now() + metrics_interval;
    }
    delete_exited_threads();
    if (scheduled) next_scheduled = Clock::now() + delay;
    {
      std::lock_guard lock(mu_);
      if (flush_target > flush_done_) flush_done_ = flush_target;
    }
    cv_.notify_all();
  }
}

void ExportWorker::last_round(Clock::time_point deadline) {
  create_exporters();
  while (Clock::now() < deadline && export_batch(deadline) != 0) {
  }
  // The metrics go once, after the spans: calls are counted until then.
  if (collector_) {
    count_queued_spans();
    export_metrics(deadline);
  }
  {
    std::lock_guard lock(mu_);
    exited_ = true;
  }
  cv_.notify_all();
}

bool ExportWorker::exited() {
  std::lock_guard lock(mu_);
  return exited_;
}

size_t ExportWorker::export_batch(Clock::time_point limit) {
  const uint32_t max = rt_.config().batch.max_export_batch_size;
  {
    std::lock_guard lock(rt_.threads_mutex());
    threads_snapshot_ = rt_.threads();
  }
  batch_.clear();
  // Start with a different thread each batch so that a busy thread cannot starve the others.
  const size_t n_threads = threads_snapshot_.size();
  for (size_t k = 0; k < n_threads && batch_.size() < max; ++k) {
    ThreadState *ts = threads_snapshot_[(rotation_ + k) % n_threads];
    // Copied out and released at once: the queue takes new spans in these
    // slots while the batch is exported (the collector may take a while).
    uint32_t n = ts->queue.peek(max - static_cast<uint32_t>(batch_.size()),
                                [this](const Record &r) { batch_.push_back(r); });
    if (n) ts->queue.consume(n, rt_.pool());
  }
  ++rotation_;
  if (batch_.empty()) return 0;
  records_.clear();
  for (const Record &r : batch_) records_.push_back(&r);

  const auto deadline =
      std::min(limit, Clock::now() + std::chrono::milliseconds(rt_.config().batch.export_timeout_ms));
  ExportResult result = ExportResult::PermanentFailure;
  if (exporter_ && exporter_->gave_up_at_exit()) {
    result = ExportResult::RetryableFailure;
  } else {
    clock_.calibrate();
    auto views = builder_.build(records_, clock_);
    try {
      if (exporter_ && resource_) result = exporter_->export_spans(views, resource_->view(), deadline);
    } catch (...) {
      // Exporters must not throw; if one does, the batch counts as failed.
    }
  }
  auto &c = rt_.counters();
  if (result == ExportResult::Success) {
    const uint64_t rejected = exporter_ ? std::min<uint64_t>(exporter_->rejected_spans(), records_.size()) : 0;
    c.exported.fetch_add(records_.size() - rejected, std::memory_order_relaxed);
    if (rejected) note_rejection(rejected);
  } else {
    c.export_failed.fetch_add(records_.size(), std::memory_order_relaxed);
    std::string reason;
    try {
      reason = exporter_ ? exporter_->last_error() : "the exporter could not be created";
    } catch (...) {
    }
    std::lock_guard lock(mu_);
    flush_ok_ = false;
    last_error_ = reason.empty() ? (result == ExportResult::RetryableFailure ? "export timed out" : "export rejected")
                                 : reason;
  }
  if (collector_) add_to_metrics(result == ExportResult::Success);
  for (const Record &r : batch_) release_owned(r);
  return batch_.size();
}

void ExportWorker::delete_exited_threads() {
  std::vector<ThreadState *> done;
  {
    std::lock_guard lock(rt_.threads_mutex());
    auto &threads = rt_.threads();
    for (auto it = threads.begin(); it != threads.end();) {
      ThreadState *ts = *it;
      // exited is read before checking emptiness: the thread published
      // everything before it set the flag.
      if (ts->exited.load(std::memory_order_acquire) && ts->queue.peek(1, [](const Record &) {}) == 0) {
        done.push_back(ts);
        it = threads.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (ThreadState *ts : done) {
    rt_.retire_thread_counts(*ts);
    if (collector_) collector_->retire(ts->metrics);
    ts->queue.release_all(rt_.pool());
    delete ts;
  }
}

void ExportWorker::count_queued_spans() {
  {
    std::lock_guard lock(rt_.threads_mutex());
    threads_snapshot_ = rt_.threads();
  }
  for (ThreadState *ts : threads_snapshot_) {
    records_.clear();
    ts->queue.peek(UINT32_MAX, [this](const Record &r) { records_.push_back(&r); });
    add_to_metrics(false);
  }
  records_.clear();
}

void ExportWorker::add_to_metrics(bool exported) {
  metered_.clear();
  for (const Record *r : records_)
    if (r->metered) metered_.push_back(metered_span(*r));
  collector_->add_spans(metered_, exported);
}

void ExportWorker::export_metrics(Clock::time_point limit) {
  ExportResult result = ExportResult::PermanentFailure;
  std::string reason;
  try {
    {
      std::lock_guard lock(rt_.threads_mutex());
      metrics_snapshot_.clear();
      for (const ThreadState *ts : rt_.threads()) metrics_snapshot_.push_back(&ts->metrics);
    }
    clock_.calibrate();
    auto metrics = collector_->collect(metrics_snapshot_, clock_, realtime_ns());
    const auto deadline =
        std::min(limit, Clock::now() + std::chrono::milliseconds(rt_.config().metrics.timeout_ms));
    if (metrics.empty()) result = ExportResult::Success;
    else if (metric_exporter_ && resource_) result = metric_exporter_->export_metrics(metrics, resource_->view(), deadline);
    if (result != ExportResult::Success) {
      reason = metric_exporter_ ? metric_exporter_->last_error() : "the metric exporter could not be created";
      if (reason.empty()) reason = result == ExportResult::RetryableFailure ? "export timed out" : "export rejected";
    }
  } catch (...) {
    reason = "out of memory while collecting metrics";
  }
  const bool skipped = result != ExportResult::Success && metric_exporter_ && metric_exporter_->skipped_unreachable_collector();
  std::lock_guard lock(mu_);
  last_metrics_error_ = std::move(reason);
  metrics_skipped_unreachable_ = skipped;
}

std::string ExportWorker::last_metrics_error() {
  std::lock_guard lock(mu_);
  return last_metrics_error_;
}

bool ExportWorker::metrics_skipped_unreachable() {
  std::lock_guard lock(mu_);
  return metrics_skipped_unreachable_;
}

bool ExportWorker::flush(Clock::time_point deadline) {
  std::unique_lock lock(mu_);
  const uint64_t target = ++flush_requested_;
  flush_ok_ = true;
  lock.unlock();
  wake();
  lock.lock();
  bool done = cv_.wait_until(lock, deadline, [&] { return flush_done_ >= target || exited_; });
  return done && flush_done_ >= target && flush_ok_;
}

bool ExportWorker::shutdown(Clock::time_point deadline) {
  {
    std::lock_guard lock(mu_);
    exiting_ = true;
    if (exporter_) exporter_->program_exiting();
    if (metric_exporter_) metric_exporter_->program_exiting();
  }
  stop_.store(true);
  // The exiting thread exports what is left itself rather than waking the
  // worker and waiting for it to be scheduled: on a busy host that wait is
  // most of a short program's exit. It waits only for a round in progress.
  // Against the system clock: libstdc++ waits for a steady one with
  // pthread_mutex_clocklock, which ThreadSanitizer does not see (it would
  // report our unlock as one of an unlocked mutex in programs under TSan).
  std::unique_lock work(work_mu_, std::chrono::system_clock::now() + (deadline - Clock::now()));
  bool complete = work.owns_lock();
  if (complete && !exited()) {
    last_round(deadline);
    complete = Clock::now() < deadline;
  }
  // Asleep, or it finds the last round done when it wakes; the process is ending.
  thread_.detach();
  return complete;
}

void ExportWorker::note_rejection(uint64_t rejected) {
  rt_.counters().rejected.fetch_add(rejected, std::memory_order_relaxed);
  std::string reason;
  try {
    reason = exporter_->partial_error();
  } catch (...) {
  }
  std::lock_guard lock(mu_);
  flush_ok_ = false;
  last_rejection_ = std::move(reason);
}

std::string ExportWorker::last_rejection() {
  std::lock_guard lock(mu_);
  return last_rejection_;
}

std::string ExportWorker::last_error() {
  std::lock_guard lock(mu_);
  return last_error_;
}

}  // namespace orch::rt
