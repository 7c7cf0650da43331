#include "otlp_retry.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace orch::rt {

HttpVerdict classify_http_status(long status) {
  if (status >= 200 && status < 300) return HttpVerdict::Success;
  switch (status) {
  case 429:
  case 502:
  case 503:
  case 504: return HttpVerdict::Retryable;
  default: return HttpVerdict::Permanent;
  }
}

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;

  if (value.front() >= '0' && value.front() <= '9') {
    unsigned long seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    // Anything beyond a day is as good as "not within this export" anyway.
    if (ec == std::errc::result_out_of_range) seconds = 86400;
    else if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return std::chrono::seconds(std::min(seconds, 86400ul));
  }

  // libcurl's date parser reads the three formats RFC 9110 allows
  // (IMF-fixdate, RFC 850, asctime). It also accepts loose fragments ("now",
  // "tomorrow"), so require the length of the shortest of the three (asctime's 24).
  const std::string text(value);
  if (text.size() < 24) return std::nullopt;
  const time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto delay = std::chrono::system_clock::from_time_t(when) - now;
  return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(delay),
                  std::chrono::milliseconds(0));
}

std::chrono::milliseconds backoff_delay(int retry, double jitter) {
  constexpr long kInitialMs = 250, kMaxMs = 8000;
  const long base = kInitialMs << std::clamp(retry, 0, 5);
  return std::chrono::milliseconds(static_cast<long>(std::min(base, kMaxMs) * jitter));
}

}  // namespace orch::rt
