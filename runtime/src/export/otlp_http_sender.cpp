#include "export/otlp_http_sender.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "export/otlp_retry.h"

namespace orch::rt {
namespace {

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

// Writing to a connection the collector has closed raises SIGPIPE, which
// would kill the host program. Blocking it on the exporter thread makes the
// write fail with EPIPE instead; the signal stays pending on this thread only.
void ignore_sigpipe_on_this_thread() {
  static thread_local bool blocked = false;
  if (blocked) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  blocked = true;
}

// The collectors (scheme://host:port) an export at exit could not reach:
// the other signal's export at exit does not try them again (one refused
// connection, and one message, per exit). Process-wide, as the trace and
// metric exporters have a sender each.
std::mutex g_unreachable_mu;
std::vector<std::string> g_unreachable_at_exit;

std::string origin_of(const std::string &url) {
  const size_t scheme = url.find("://");
  return url.substr(0, scheme == std::string::npos ? 0 : url.find('/', scheme + 3));
}

bool known_unreachable_at_exit(const std::string &origin) {
  std::lock_guard lock(g_unreachable_mu);
  return std::find(g_unreachable_at_exit.begin(), g_unreachable_at_exit.end(), origin) != g_unreachable_at_exit.end();
}

void note_unreachable_at_exit(const std::string &origin) {
  std::lock_guard lock(g_unreachable_mu);
  if (std::find(g_unreachable_at_exit.begin(), g_unreachable_at_exit.end(), origin) == g_unreachable_at_exit.end())
    g_unreachable_at_exit.push_back(origin);
}

}  // namespace

bool OtlpHttpSender::skip_unreachable_at_exit() {
  skipped_unreachable_ = exiting_.load() && known_unreachable_at_exit(origin_of(config_.endpoint));
  if (skipped_unreachable_) last_error_ = origin_of(config_.endpoint) + " could not be reached at exit";
  return skipped_unreachable_;
}

OtlpHttpSender::OtlpHttpSender(const OtlpConfig &config)
    : config_(config), client_(client_options(config)),
      jitter_rng_(static_cast<unsigned>(Clock::now().time_since_epoch().count() ^ getpid())) {}

void OtlpHttpSender::program_exiting() {
  {
    std::lock_guard lock(wait_mu_);
    exiting_ = true;
  }
  wait_cv_.notify_all();
}

ExportResult OtlpHttpSender::post(std::string_view body, size_t items, Clock::time_point deadline) {
  ignore_sigpipe_on_this_thread();
  if (config_.timeout.count() > 0) deadline = std::min(deadline, Clock::now() + config_.timeout);
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
      partial_.rejected = std::min<uint64_t>(partial_.rejected, items);
      return ExportResult::Success;
    }
    describe_failure(response, attempt);
    if (verdict == HttpVerdict::Permanent) return ExportResult::PermanentFailure;
    if (response.unreachable && exiting_.load()) {
      // Nothing will come to listen before the process ends: the rest of
      // the exit flush is not sent either.
      unreachable_at_exit_ = true;
      note_unreachable_at_exit(origin_of(config_.endpoint));
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
void OtlpHttpSender::wait_to_retry(milliseconds delay, bool unreachable) {
  std::unique_lock lock(wait_mu_);
  wait_cv_.wait_for(lock, delay, [&] { return unreachable && exiting_.load(); });
}

void OtlpHttpSender::describe_failure(const HttpResponse &response, int attempt) {
  if (!response.transport_error.empty()) {
    last_error_ = "POST " + config_.endpoint + ": " + response.transport_error;
  } else {
    last_error_ = "POST " + config_.endpoint + ": HTTP " + std::to_string(response.status);
    if (!response.body.empty()) last_error_ += " (" + printable(response.body) + ")";
    if (!response.retry_after.empty()) last_error_ += ", Retry-After: " + response.retry_after;
  }
  last_error_ += " (attempt " + std::to_string(attempt) + ")";
}

}  // namespace orch::rt
