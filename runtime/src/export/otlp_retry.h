// When and how long the OTLP exporter waits before sending a batch again
// (OTLP specification, "Failures" and "Retryable response codes").
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace orch::rt {

enum class HttpVerdict { Success, Retryable, Permanent };

// 2xx succeed; 429, 502, 503 and 504 are worth retrying; every other status
// (400 and the rest of 4xx, 500, 501...) will not change by retrying.
HttpVerdict classify_http_status(long status);

// An HTTP-date in one of the three formats RFC 9110 allows (IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994"), as seconds since the epoch.
std::optional<time_t> parse_http_date(std::string_view text);

// A Retry-After header value, either delay-seconds ("120") or an HTTP-date
// ("Sun, 06 Nov 1994 08:49:37 GMT"), as a delay from `now` (zero for a date
// in the past). nullopt when the value is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

// The wait before retry number `retry` (0 = first retry): 250 ms doubling up
// to 8 s, multiplied by `jitter`, which the caller draws uniformly from
// [0.5, 1] so that many processes failing together do not retry in lockstep.
std::chrono::milliseconds backoff_delay(int retry, double jitter);

}  // namespace orch::rt
