// The interface between the batching core and the exporters
// (otlp over http/protobuf or http/json, console, file, none).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "span_data.h"

namespace orch::rt {

enum class ExportResult {
  Success,
  RetryableFailure,  // gave up after retries within the deadline
  PermanentFailure,  // e.g. HTTP 400: not retried
};

class Exporter {
public:
  virtual ~Exporter() = default;
  // Called from the single exporter thread only. Must return by `deadline`
  // (retries included) and never throw.
  virtual ExportResult export_spans(std::span<const SpanView> spans,
                                    const ResourceView &resource,
                                    std::chrono::steady_clock::time_point deadline) = 0;
  // A short human-readable reason for the last failure (for the exit report).
  virtual std::string last_error() const { return {}; }
  // Of the spans of the last successful export, how many the receiver
  // refused (OTLP partial success); its reason is in partial_error().
  virtual uint64_t rejected_spans() const { return 0; }
  virtual std::string partial_error() const { return {}; }
  // The program is exiting. Called once, by the exiting thread, possibly while
  // export_spans runs on the exporter thread. From then on the exporter stops
  // retrying a destination that cannot be reached (nothing listens, the name
  // does not resolve); one that answers, even with an error, is still retried
  // within the deadline.
  virtual void program_exiting() {}
  // After program_exiting(): the destination was found unreachable, so the
  // rest of the exit flush would not be sent; the caller need not build it.
  virtual bool gave_up_at_exit() const { return false; }
};

}  // namespace orch::rt
