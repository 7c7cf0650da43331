// The one background thread that drains every thread's SpanQueue, turns
// Records into SpanViews and hands batches to the Exporter, and collects the
// threads' metrics for the MetricExporter.
//
// It exports spans when OTEL_BSP_MAX_EXPORT_BATCH_SIZE spans are waiting, when
// OTEL_BSP_SCHEDULE_DELAY has passed, on flush and at exit; metrics every
// OTEL_METRIC_EXPORT_INTERVAL, on flush and at exit. Producers wake it
// through an event count on a futex: a system call only when the worker is
// asleep and a batch is ready, never per span.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "clock.h"
#include "config/resource.h"
#include "core/runtime.h"
#include "core/span_views.h"
#include "metrics/metrics_collector.h"

namespace orch::rt {

class ExportWorker {
public:
  ExportWorker(Runtime &rt, ExporterFactory factory, MetricExporterFactory metric_factory);
  ExportWorker(const ExportWorker &) = delete;
  ExportWorker &operator=(const ExportWorker &) = delete;

  bool start();
  void wake();
  // Waits until everything published before the call is exported or the
  // deadline passes. True if all of it was exported successfully.
  bool flush(std::chrono::steady_clock::time_point deadline);
  // At exit: tells the exporter the program is exiting (it stops retrying a
  // collector that cannot be reached), flush(), then stops the thread
  // (waiting for it at most until the deadline).
  bool shutdown(std::chrono::steady_clock::time_point deadline);
  std::string last_error();
  // The receiver's message of the last partial success that rejected spans.
  std::string last_rejection();
  // Why the last metrics export failed; empty if it succeeded.
  std::string last_metrics_error();
  // The last metrics export was not tried: at exit, the trace export had
  // found the same collector unreachable.
  bool metrics_skipped_unreachable();

private:
  using Clock = std::chrono::steady_clock;

  void run();
  void sleep_until_work(Clock::time_point until);
  // Once, by whoever exports first (the worker, or the exiting thread).
  void create_exporters();
  // At exit: every queued span, then the metrics, then exited_.
  void last_round(Clock::time_point deadline);
  bool exited();
  // Exports at most one batch; returns the number of spans taken.
  size_t export_batch(Clock::time_point limit);
  void export_metrics(Clock::time_point limit);
  // At exit, before the last metrics: spans the program's other threads
  // ended after the last drain are not exported, but their calls count.
  void count_queued_spans();
  // The spans of records_ from span_begin, into the metrics.
  void add_to_metrics(bool exported);
  void delete_exited_threads();
  void note_rejection(uint64_t rejected);

  Runtime &rt_;
  ExporterFactory factory_;
  MetricExporterFactory metric_factory_;  // nullptr: no metrics
  // Held by whoever exports: the worker for a round, the exiting thread for
  // the last one. It guards the exporters and the state of a round below.
  std::timed_mutex work_mu_;
  std::unique_ptr<Exporter> exporter_;  // set under work_mu_ and mu_, used under work_mu_
  std::unique_ptr<MetricExporter> metric_exporter_;  // likewise
  std::optional<MetricsCollector> collector_;  // when metrics are on
  std::vector<const ThreadMetrics *> metrics_snapshot_;
  std::optional<Resource> resource_;  // built by create_exporters
  std::thread thread_;
  TickClock clock_;
  SpanViewBuilder builder_;
  std::vector<ThreadState *> threads_snapshot_;
  std::vector<Record> batch_;  // the batch being exported, out of the queues
  std::vector<const Record *> records_;  // into batch_, or the queues when counting at exit
  std::vector<MeteredSpan> metered_;  // of records_, for the metrics
  size_t rotation_ = 0;

  std::atomic<uint32_t> wake_seq_{0};
  std::atomic<bool> sleeping_{false};
  std::atomic<bool> stop_{false};

  std::mutex mu_;  // guards the fields below
  std::condition_variable cv_;
  uint64_t flush_requested_ = 0;
  uint64_t flush_done_ = 0;
  bool flush_ok_ = true;  // no export failure since the last completed flush
  bool exited_ = false;
  bool exiting_ = false;  // shutdown() has begun
  std::string last_error_;
  std::string last_rejection_;
  std::string last_metrics_error_;
  bool metrics_skipped_unreachable_ = false;
};

}  // namespace orch::rt
