// The process-wide runtime: configuration, the registry of threads that
// create spans, the queue accounting, the exporter thread and the lifecycle
// (lazy start, flush at exit, fork).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/sampler.h"
#include "core/span_queue.h"
#include "export/exporter.h"
#include "export/metric_exporter.h"

namespace orch::rt {

struct ThreadState;
class ExportWorker;

// What every span_start reads: fixed at initialisation, except `off`, which
// becomes 1 at exit.
struct HotConfig {
  // 1: no span is recorded, rec = NULL at once. A plain integer accessed
  // through std::atomic_ref, because its address is published in
  // orch_api_v1::recording_off for the weave header to read inline.
  alignas(4) uint32_t off = 1;
  bool is_off() { return std::atomic_ref(off).load(std::memory_order_relaxed) != 0; }
  void set_off(bool v) { std::atomic_ref(off).store(v ? 1 : 0, std::memory_order_release); }
  // 1: no span is recorded and no call counted (orch_api_v1::idle).
  alignas(4) uint32_t idle = 1;
  void set_idle(bool v) { std::atomic_ref(idle).store(v ? 1 : 0, std::memory_order_release); }
  uint32_t attr_count_limit = 128;
  uint32_t inline_attr_limit = 4;  // min(kInlineAttrs, attr_count_limit)
  uint32_t value_length_limit = UINT32_MAX;
  uint32_t wake_threshold = 512;  // spans in full chunks that wake the exporter
  bool roots_always_sampled = false;  // the sampler keeps every root without looking at it
  bool unsampled_parent_drops = false;  // the sampler drops every span under an unsampled parent
};
inline HotConfig g_hot;

using ExporterFactory = std::unique_ptr<Exporter> (*)(const Config &);
using MetricExporterFactory = std::unique_ptr<MetricExporter> (*)(const Config &);

// Spans are counted per thread on the hot path (ThreadState) and summed here.
struct RuntimeCounters {
  std::atomic<uint64_t> exported{0};
  std::atomic<uint64_t> export_failed{0};
  std::atomic<uint64_t> rejected{0};  // refused by the receiver in a partial success
  // Totals of threads whose ThreadState was deleted.
  std::atomic<uint64_t> published_by_exited{0};
  std::atomic<uint64_t> dropped_by_exited{0};
};

struct RuntimeTotals {
  uint64_t published;  // handed to a queue
  uint64_t dropped;    // queue full (or out of memory)
  uint64_t exported;
  uint64_t export_failed;
  uint64_t rejected;
};

class Runtime {
public:
  // The runtime, created from the environment on first use.
  static Runtime *instance() {
    Runtime *rt = g_instance.load(std::memory_order_acquire);
    return rt ? rt : create_from_env();
  }
  // Creates the process runtime with an explicit configuration and exporter
  // factories (they run on the exporter thread when it starts). Without a
  // metric exporter factory, no metric is recorded. Returns false if a
  // runtime already exists.
  static bool create(const Config &config, ExporterFactory factory, MetricExporterFactory metric_factory = nullptr);

  const Config &config() const { return config_; }
  // Calls are counted for metrics (a metric exporter is configured).
  bool metrics_on() const { return metric_factory_ && !config_.disabled && !config_.metrics.exporters.empty(); }
  MetricExporterFactory metric_factory() const { return metric_factory_; }
  const Sampler &sampler() const { return sampler_; }
  ChunkPool &pool() { return pool_; }
  RuntimeCounters &counters() { return counters_; }

  bool register_thread(ThreadState *ts);
  // Starts the exporter thread if it is not running (called when a thread
  // publishes its first span).
  void ensure_worker();
  void wake_exporter();
  // Exports everything published before the call; false on timeout or failure.
  bool flush(uint32_t timeout_ms);
  RuntimeTotals totals();
  void retire_thread_counts(const ThreadState &ts);
  // Registers the exit flush with atexit(); a second registration moves it
  // before the handlers registered in between (the exporter's libraries).
  static void register_exit_handler();

  // For the exporter thread.
  std::mutex &threads_mutex() { return threads_mu_; }
  std::vector<ThreadState *> &threads() { return threads_; }

private:
  Runtime(const Config &config, ExporterFactory factory, MetricExporterFactory metric_factory);
  static Runtime *create_from_env();
  static void install(Runtime *rt);
  // With worker_mu_ held and no worker yet; nullptr if it could not start.
  ExportWorker *start_worker_locked();
  static void at_exit();
  static void fork_prepare();
  static void fork_parent();
  static void fork_child();

  static inline std::atomic<Runtime *> g_instance{nullptr};

  const Config config_;
  const Sampler sampler_;
  const ExporterFactory factory_;
  const MetricExporterFactory metric_factory_;
  ChunkPool pool_;
  RuntimeCounters counters_;
  std::mutex threads_mu_;
  std::vector<ThreadState *> threads_;
  std::mutex worker_mu_;
  std::atomic<ExportWorker *> worker_{nullptr};
  std::atomic<bool> exit_started_{false};
  Runtime *before_fork_ = nullptr;  // in a forked child: the parent's runtime
};

}  // namespace orch::rt
