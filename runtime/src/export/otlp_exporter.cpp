#include "otlp_exporter.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <random>
#include <string>

#include "http_client.h"
#include "http_gzip.h"
#include "otlp_json.h"
#include "otlp_proto.h"
#include "otlp_response.h"
#include "otlp_retry.h"

namespace orch::rt {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// At exit, how long the attempt to reach a collector that could not be
// reached before may take to connect.
constexpr milliseconds kExitConnectTimeout{200};

HttpClient::Options client_options(const OtlpConfig &config) {
  HttpClient::Options options;
  options.url = config.endpoint;
  options.header_lines.push_back(config.protocol == OtlpProtocol::HttpJson
                                     ? "Content-Type: application/json"
                                     : "Content-Type: application/x-protobuf");
  if (config.gzip) options.header_lines.push_back("Content-Encoding: gzip");
  for (const auto &[name, value] : config.headers) options.header_lines.push_back(name + ": " + value);
  options.user_agent = "orch-otlp-exporter";
  options.certificate_file = config.certificate_file;
  options.client_certificate_file = config.client_certificate_file;
  options.client_key_file = config.client_key_file;
  return options;
}

// Printable start of a response body for an error message.
std::string printable(std::string_view body) {
  constexpr size_t kExcerptBytes = 200;
  std::string out;
  for (char c : body.substr(0, kExcerptBytes)) out.push_back(c >= ' ' && c < 0x7f ? c : '.');
  return out;
}

class OtlpHttpExporter final : public Exporter {
public:
  explicit OtlpHttpExporter(const OtlpConfig &config)
      : config_(config), client_(client_options(config)),
        jitter_rng_(static_cast<unsigned>(Clock::now().time_since_epoch().count() ^ getpid())) {}

  ExportResult export_spans(std::span<const SpanView> spans, const ResourceView &resource,
                            Clock::time_point deadline) override {
    try {
      return export_batch(spans, resource, deadline);
    } catch (...) {  // std::bad_alloc while encoding or building a message
      last_error_ = "out of memory while exporting";
      return ExportResult::PermanentFailure;
    }
  }

  std::string last_error() const override { return last_error_; }
  uint64_t rejected_spans() const override { return partial_.rejected_spans; }
  std::string partial_error() const override { return partial_.error_message; }

  void program_exiting() override {
    {
      std::lock_guard lock(wait_mu_);
      exiting_ = true;
    }
    wait_cv_.notify_all();
  }

private:
  ExportResult export_batch(std::span<const SpanView> spans, const ResourceView &resource,
                            Clock::time_point deadline) {
    partial_ = {};
    if (spans.empty()) return ExportResult::Success;
    // last_error_ still says why.
    if (unreachable_at_exit_) return ExportResult::RetryableFailure;
    ignore_sigpipe_on_this_thread();
    if (config_.timeout.count() > 0) deadline = std::min(deadline, Clock::now() + config_.timeout);

    std::string_view body;
    if (config_.protocol == OtlpProtocol::HttpJson) {
      encode_otlp_json(spans, resource, json_);
      body = json_;
    } else {
      body = proto_.encode(spans, resource);
    }
    if (config_.gzip) {
      body = gzip_.compress(body);
      if (body.empty()) {
        last_error_ = "gzip compression failed (out of memory)";
        return ExportResult::PermanentFailure;
      }
    }

    for (int attempt = 1;; ++attempt) {
      const auto remaining = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (remaining.count() <= 0) {
        if (attempt == 1) last_error_ = "export deadline passed before sending";
        return ExportResult::RetryableFailure;
      }
      // A collector that could not be reached gets one quick attempt at exit.
      const bool exiting = exiting_.load();
      const milliseconds connect_timeout = exiting && unreachable_ ? std::min(remaining, kExitConnectTimeout) : remaining;
      const HttpResponse &response = client_.post(body, remaining, connect_timeout);
      unreachable_ = response.unreachable;
      const HttpVerdict verdict = response.transport_error.empty()
                                      ? classify_http_status(response.status)
                                  : response.transport_retryable ? HttpVerdict::Retryable
                                                                 : HttpVerdict::Permanent;
      if (verdict == HttpVerdict::Success) {
        partial_ = config_.protocol == OtlpProtocol::HttpJson ? parse_partial_success_json(response.body)
                                                              : parse_partial_success_proto(response.body);
        partial_.rejected_spans = std::min<uint64_t>(partial_.rejected_spans, spans.size());
        return ExportResult::Success;
      }
      describe_failure(response, attempt);
      if (verdict == HttpVerdict::Permanent) return ExportResult::PermanentFailure;
      if (response.unreachable && exiting_.load()) {
        // Nothing will come to listen before the process ends: the rest of
        // the exit flush is not sent either.
        unreachable_at_exit_ = true;
        last_error_ += "; not retried: the program is exiting";
        return ExportResult::RetryableFailure;
      }

      milliseconds delay = backoff_delay(attempt - 1, jitter_(jitter_rng_));
      if (!response.retry_after.empty()) {
        if (auto asked = parse_retry_after(response.retry_after, std::chrono::system_clock::now()))
          delay = *asked;
      }
      if (Clock::now() + delay >= deadline) {
        last_error_ += "; no retry: the next one (in " + std::to_string(delay.count()) +
                       " ms) would pass the export deadline";
        return ExportResult::RetryableFailure;
      }
      wait_to_retry(delay, response.unreachable);
    }
  }

  // Waits `delay`, or until the program starts exiting if the collector could
  // not be reached: the next attempt is then the exit's quick one.
  void wait_to_retry(milliseconds delay, bool unreachable) {
    std::unique_lock lock(wait_mu_);
    wait_cv_.wait_for(lock, delay, [&] { return unreachable && exiting_.load(); });
  }

  void describe_failure(const HttpResponse &response, int attempt) {
    if (!response.transport_error.empty()) {
      last_error_ = "POST " + config_.endpoint + ": " + response.transport_error;
    } else {
      last_error_ = "POST " + config_.endpoint + ": HTTP " + std::to_string(response.status);
      if (!response.body.empty()) last_error_ += " (" + printable(response.body) + ")";
      if (!response.retry_after.empty()) last_error_ += ", Retry-After: " + response.retry_after;
    }
    last_error_ += " (attempt " + std::to_string(attempt) + ")";
  }

  // Writing to a connection the collector has closed raises SIGPIPE, which
  // would kill the host program. Blocking it on the exporter thread makes the
  // write fail with EPIPE instead; the signal stays pending on this thread only.
  static void ignore_sigpipe_on_this_thread() {
    static thread_local bool blocked = false;
    if (blocked) return;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    blocked = true;
  }

  OtlpConfig config_;
  HttpClient client_;
  OtlpProtoEncoder proto_;
  std::string json_;
  GzipCompressor gzip_;
  std::minstd_rand jitter_rng_;
  std::uniform_real_distribution<double> jitter_{0.5, 1.0};
  std::string last_error_;
  PartialSuccess partial_;  // of the last export
  bool unreachable_ = false;          // the last attempt could not connect
  bool unreachable_at_exit_ = false;  // nor could an attempt after program_exiting()
  std::mutex wait_mu_;
  std::condition_variable wait_cv_;
  std::atomic<bool> exiting_{false};  // set under wait_mu_
};

}  // namespace

std::unique_ptr<Exporter> make_otlp_exporter(const OtlpConfig &config) {
  return std::make_unique<OtlpHttpExporter>(config);
}

}  // namespace orch::rt
