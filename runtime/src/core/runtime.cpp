#include "core/runtime.h"

#include <pthread.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "clock.h"
#include "core/export_worker.h"
#include "core/stats_file.h"
#include "core/thread_state.h"
#include "export/http_client.h"
#include "export/make_exporter.h"
#include "export/otlp_config.h"
#include "metrics/site_registry.h"
#include "metrics/thread_metrics.h"
#include "warn.h"

namespace orch::rt {
namespace {

std::mutex g_create_mu;

void set_hot_config(const Config &c, const Sampler &sampler) {
  g_hot.attr_count_limit = c.limits.attribute_count;
  g_hot.inline_attr_limit = std::min<uint32_t>(kInlineAttrs, c.limits.attribute_count);
  g_hot.value_length_limit = c.limits.attribute_value_length;
  // Wake the exporter for a batch, but never above what the queue limit lets accumulate.
  uint32_t reachable = c.batch.max_queue_size / kChunkRecords * kChunkRecords;
  g_hot.wake_threshold = std::max<uint32_t>(kChunkRecords, std::min(c.batch.max_export_batch_size, reachable));
  g_hot.roots_always_sampled = sampler.keeps_every_root();
  g_hot.unsampled_parent_drops = sampler.follows_parent();
  bool off = c.disabled || c.exporters.empty() || sampler.never_samples();
  g_hot.set_off(off);
}

// After TickClock::init (the tick length).
void set_metrics_hot(const Runtime &rt) {
  constexpr double kAlwaysTimedSeconds = 2e-6;  // two clock reads are ≤ 2% of such a call
  g_metrics_hot.time_one_in = rt.config().metrics_time_one_in;
  g_metrics_hot.always_time_ticks = static_cast<uint64_t>(kAlwaysTimedSeconds / tick_seconds());
  const uint32_t limit = rt.config().site_span_limit;
  g_metrics_hot.span_limit = limit;
  if (limit) {
    // A tenth of a second's spans at once at most: a site's spans spread over the second.
    g_metrics_hot.budget_burst = std::max<uint32_t>(limit / 10, 1);
    g_metrics_hot.ticks_per_span = std::max<uint64_t>(static_cast<uint64_t>(1.0 / tick_seconds()) / limit, 1);
  }
  std::atomic_ref(g_metrics_hot.on).store(rt.metrics_on() ? 1 : 0, std::memory_order_release);
  g_hot.set_idle(g_hot.is_off() && !rt.metrics_on());
}

void stop_recording() {
  g_hot.set_off(true);
  std::atomic_ref(g_metrics_hot.on).store(0, std::memory_order_release);
  g_hot.set_idle(true);
}

}  // namespace

Runtime::Runtime(const Config &config, ExporterFactory factory, MetricExporterFactory metric_factory)
    : config_(config),
      sampler_(config.sampler, config.sampler_ratio),
      factory_(factory),
      metric_factory_(metric_factory),
      pool_(config.batch.max_queue_size) {}

void Runtime::install(Runtime *rt) {
  TickClock::init(rt->config_.clock);
  set_hot_config(rt->config_, rt->sampler_);
  set_metrics_hot(*rt);
  g_instance.store(rt, std::memory_order_release);
  static std::once_flag fork_once;
  std::call_once(fork_once, [] { pthread_atfork(fork_prepare, fork_parent, fork_child); });
}

Runtime *Runtime::create_from_env() {
  try {
    std::lock_guard lock(g_create_mu);
    if (Runtime *rt = g_instance.load(std::memory_order_acquire)) return rt;
    Config config = config_from_env(EnvReader(process_env(), warn_stderr));
    install(new Runtime(config, make_configured_exporter, make_configured_metric_exporter_for));
  } catch (...) {
    // Out of memory: stay off (g_hot.off is still 1), try again next time.
  }
  return g_instance.load(std::memory_order_acquire);
}

bool Runtime::create(const Config &config, ExporterFactory factory, MetricExporterFactory metric_factory) {
  std::lock_guard lock(g_create_mu);
  if (g_instance.load(std::memory_order_acquire)) return false;
  install(new Runtime(config, factory, metric_factory));
  return true;
}

bool Runtime::register_thread(ThreadState *ts) {
  try {
    std::lock_guard lock(threads_mu_);
    threads_.push_back(ts);
    return true;
  } catch (...) {
    return false;
  }
}

void Runtime::ensure_worker() {
  if (worker_.load(std::memory_order_acquire)) return;
  try {
    // Never wait: whoever holds the lock is creating the worker or exiting.
    std::unique_lock lock(worker_mu_, std::try_to_lock);
    if (!lock || worker_.load(std::memory_order_relaxed) || exit_started_.load()) return;
    start_worker_locked();
  } catch (...) {
    // No exporter thread: spans stay queued, then are dropped when the queue is full.
  }
}

ExportWorker *Runtime::start_worker_locked() {
  // Before the worker starts and before our exit handler is registered (see
  // prepare_http_transport): an exit right after the first span must not run
  // OpenSSL's cleanup while the worker initialises it.
  auto quiet = [](std::string_view) {};
  if (exports_to(config_, ExporterKind::Otlp)) prepare_http_transport(otlp_config_from_env(quiet).endpoint);
  const auto &metric_exporters = config_.metrics.exporters;
  if (metrics_on() && std::ranges::find(metric_exporters, MetricExporterKind::Otlp) != metric_exporters.end())
    prepare_http_transport(otlp_config_from_env(quiet, OtlpSignal::Metrics).endpoint);
  auto *w = new ExportWorker(*this, factory_, metric_factory_);
  if (!w->start()) {
    delete w;
    return nullptr;
  }
  worker_.store(w, std::memory_order_release);
  register_exit_handler();
  return w;
}

void Runtime::wake_exporter() {
  if (ExportWorker *w = worker_.load(std::memory_order_acquire)) w->wake();
}

bool Runtime::flush(uint32_t timeout_ms) {
  ExportWorker *w = worker_.load(std::memory_order_acquire);
  if (!w) return true;
  return w->flush(std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms));
}

void Runtime::retire_thread_counts(const ThreadState &ts) {
  counters_.published_by_exited.fetch_add(ts.published.load(std::memory_order_relaxed));
  counters_.dropped_by_exited.fetch_add(ts.dropped.load(std::memory_order_relaxed));
}

RuntimeTotals Runtime::totals() {
  RuntimeTotals t{};
  {
    std::lock_guard lock(threads_mu_);
    t.published = counters_.published_by_exited.load();
    t.dropped = counters_.dropped_by_exited.load();
    for (ThreadState *ts : threads_) {
      t.published += ts->published.load(std::memory_order_relaxed);
      t.dropped += ts->dropped.load(std::memory_order_relaxed);
    }
  }
  t.exported = counters_.exported.load();
  t.export_failed = counters_.export_failed.load();
  t.rejected = counters_.rejected.load();
  return t;
}

void Runtime::register_exit_handler() {
  static std::atomic<int> registrations{0};
  if (registrations.fetch_add(1) < 2) std::atexit(at_exit);
}

// Spans still open on the exiting thread (exit() called below them) end now;
// they are marked so that nothing exports them twice, and what they own goes
// with the queued copy.
static void end_open_spans_at_exit(Runtime &rt) {
  ThreadState *ts = tls_thread_state;
  if (!ts) return;
  const uint64_t now = now_ticks();
  for (Frame *f = ts->current; f; f = f->prev) {
    if (f->kind != FrameKind::Recording || f->no_export) continue;
    auto *r = static_cast<Record *>(f);
    r->end_ticks = now;
    if (ts->queue.push(*r, rt.pool()) == PushResult::Dropped) {
      ThreadState::bump(ts->dropped);
    } else {
      ThreadState::bump(ts->published);
      // The queued copy owns them now: a span_end after exit must not free them.
      r->ext = nullptr;
      r->trace_state = nullptr;
    }
    r->no_export = true;
  }
}

void Runtime::at_exit() {
  Runtime *rt = g_instance.load(std::memory_order_acquire);
  if (!rt || rt->exit_started_.exchange(true)) return;
  try {
    g_hot.set_off(true);  // calls are still counted until the last metrics export
    end_open_spans_at_exit(*rt);
    const uint32_t timeout = rt->config_.batch.export_timeout_ms;
    bool complete = true;
    std::string reason, rejected_reason;
    ExportWorker *w;
    {
      std::lock_guard lock(rt->worker_mu_);  // no worker starts after this
      w = rt->worker_.load();
      // Calls counted without a worker (a forked child that recorded no
      // span): this one exports them.
      if (!w && rt->metrics_on()) w = rt->start_worker_locked();
    }
    if (w) {
      complete = w->shutdown(std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout));
      reason = w->last_error();
      rejected_reason = w->last_rejection();
    }
    stop_recording();
    RuntimeTotals t = rt->totals();
    // One line when the spans and the metrics were lost to the same unreachable collector.
    const bool metrics_with_spans = w && t.export_failed && w->metrics_skipped_unreachable();
    if (w && !metrics_with_spans && !w->last_metrics_error().empty())
      std::fprintf(stderr, "orch: metrics not exported: %s\n", w->last_metrics_error().c_str());
    if (t.dropped)
      std::fprintf(stderr, "orch: %" PRIu64 " spans dropped: queue full (OTEL_BSP_MAX_QUEUE_SIZE=%u)\n", t.dropped,
                   rt->config_.batch.max_queue_size);
    if (t.export_failed)
      std::fprintf(stderr, "orch: %" PRIu64 " spans%s not exported: %s\n", t.export_failed,
                   metrics_with_spans ? " and the metrics" : "", reason.empty() ? "export failed" : reason.c_str());
    if (t.rejected)
      std::fprintf(stderr, "orch: %" PRIu64 " spans rejected by the collector (partial success): %s\n", t.rejected,
                   rejected_reason.empty() ? "no reason given" : rejected_reason.c_str());
    uint64_t accounted = t.exported + t.export_failed + t.rejected;
    if (!complete && t.published > accounted)
      std::fprintf(stderr, "orch: %" PRIu64 " spans not exported: flush at exit exceeded OTEL_BSP_EXPORT_TIMEOUT=%u ms\n",
                   t.published - accounted, timeout);
    const std::string &stats_file = rt->config_.stats_file;
    if (!stats_file.empty() && !append_stats_line(stats_file, t))
      warn_stderr("ORCH_STATS_FILE=" + stats_file + " cannot be written: " + std::strerror(errno));
  } catch (...) {
    // Nothing may escape into the program's exit path.
  }
}

void Runtime::fork_prepare() {
  g_create_mu.lock();
  lock_spare_records();
  lock_site_registry();
}

void Runtime::fork_parent() {
  unlock_site_registry();
  unlock_spare_records();
  g_create_mu.unlock();
}

// The child gets a runtime of its own, with the parent's configuration: no
// queued span of the parent, a new exporter thread on first use. The forking
// thread keeps its context chain (its spans parent the child's), but the spans
// in flight belong to the parent, which exports them.
void Runtime::fork_child() {
  unlock_site_registry();
  unlock_spare_records();
  g_create_mu.unlock();
  Runtime *old = g_instance.load(std::memory_order_relaxed);
  if (!old) return;
  try {
    auto *rt = new Runtime(old->config_, old->factory_, old->metric_factory_);
    rt->before_fork_ = old;
    rt->exit_started_.store(old->exit_started_.load());
    ThreadState *ts = tls_thread_state;
    if (ts) {
      ts->queue.discard();
      ts->ids.seed();
      ts->published.store(0);
      ts->dropped.store(0);
      ts->metrics.reset_counts();
      for (Frame *f = ts->current; f; f = f->prev) f->no_export = true;
      rt->threads_.push_back(ts);
    }
    g_instance.store(rt, std::memory_order_release);
    // The parent's runtime is kept as it is, never used: its mutexes may be
    // held by threads that do not exist here.
  } catch (...) {
    stop_recording();
  }
}

}  // namespace orch::rt
