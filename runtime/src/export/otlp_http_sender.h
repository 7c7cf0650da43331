// One OTLP/HTTP destination, shared by the trace and the metric exporters:
// POSTs an encoded request (gzipped if configured) with the retry policy of
// otlp_retry.h bounded by the export deadline, and reads the partial success
// of the answer. Used from the exporter thread only, except program_exiting.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <string_view>

#include "export/exporter.h"
#include "export/http_client.h"
#include "export/http_gzip.h"
#include "export/otlp_config.h"
#include "export/otlp_response.h"

namespace orch::rt {

class OtlpHttpSender {
public:
  using Clock = std::chrono::steady_clock;

  explicit OtlpHttpSender(const OtlpConfig &config);

  // Sends the request `encode(protocol)` returns (a view valid until the
  // send is over), which holds `items` spans or data points. Never throws.
  template <class Encode> ExportResult send(size_t items, Clock::time_point deadline, Encode &&encode) {
    partial_ = {};
    skipped_unreachable_ = false;
    if (items == 0) return ExportResult::Success;
    // last_error_ still says why.
    if (unreachable_at_exit_ || skip_unreachable_at_exit()) return ExportResult::RetryableFailure;
    try {
      return post(encode(config_.protocol), items, deadline);
    } catch (...) {  // std::bad_alloc while encoding or building a message
      last_error_ = "out of memory while exporting";
      return ExportResult::PermanentFailure;
    }
  }

  // A short reason for the last failure.
  const std::string &last_error() const { return last_error_; }
  // Of the last send, when it succeeded: how many items the receiver refused.
  const PartialSuccess &partial() const { return partial_; }
  // See Exporter::program_exiting.
  void program_exiting();
  // The last send was not tried: at exit, another sender had found its
  // collector unreachable.
  bool skipped_unreachable() const { return skipped_unreachable_; }
  // See Exporter::gave_up_at_exit.
  bool gave_up_at_exit() const { return unreachable_at_exit_; }

private:
  ExportResult post(std::string_view body, size_t items, Clock::time_point deadline);
  bool skip_unreachable_at_exit();
  void wait_to_retry(std::chrono::milliseconds delay, bool unreachable);
  void describe_failure(const HttpResponse &response, int attempt);

  OtlpConfig config_;
  HttpClient client_;
  GzipCompressor gzip_;
  std::minstd_rand jitter_rng_;
  std::uniform_real_distribution<double> jitter_{0.5, 1.0};
  std::string last_error_;
  PartialSuccess partial_;            // of the last send
  bool unreachable_ = false;          // the last attempt could not connect
  bool unreachable_at_exit_ = false;  // nor could an attempt after program_exiting()
  bool skipped_unreachable_ = false;
  std::mutex wait_mu_;
  std::condition_variable wait_cv_;
  std::atomic<bool> exiting_{false};  // set under wait_mu_
};

}  // namespace orch::rt
