#include "otlp_retry.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <string>

namespace orch::rt {

namespace {

// The index (0-11) of a three-letter English month name, or -1.
int month_index(std::string_view name) {
  constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (name.size() != 3) return -1;
  for (int i = 0; i < 12; ++i)
    if (kMonths.substr(static_cast<size_t>(i) * 3, 3) == name) return i;
  return -1;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

}  // namespace

std::optional<time_t> parse_http_date(std::string_view text) {
  // Words split on spaces, commas and the dashes of RFC 850's date.
  std::string_view words[8];
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t end = std::min(text.find_first_of(" ,-", i), text.size());
    if (end > i) {
      if (count == std::size(words)) return std::nullopt;
      words[count++] = text.substr(i, end - i);
    }
    i = end + 1;
  }
  std::string_view day, month, year, time;
  if (count == 6 && words[5] == "GMT") {  // IMF-fixdate and RFC 850: wkday day month year time GMT
    day = words[1], month = words[2], year = words[3], time = words[4];
  } else if (count == 5 && text.find(',') == std::string_view::npos) {  // asctime: wkday month day time year
    month = words[1], day = words[2], time = words[3], year = words[4];
  } else {
    return std::nullopt;
  }
  const int mon = month_index(month);
  if (mon < 0 || words[0].size() < 3 || !all_digits(day) || day.size() > 2 || !all_digits(year) ||
      (year.size() != 2 && year.size() != 4) || time.size() != 8 || time[2] != ':' || time[5] != ':' ||
      !all_digits(time.substr(0, 2)) || !all_digits(time.substr(3, 2)) || !all_digits(time.substr(6, 2)))
    return std::nullopt;
  std::tm tm{};
  tm.tm_mday = number(day);
  tm.tm_mon = mon;
  int y = number(year);
  if (year.size() == 2) y += y < 70 ? 2000 : 1900;  // RFC 850's two-digit years
  tm.tm_year = y - 1900;
  tm.tm_hour = number(time.substr(0, 2));
  tm.tm_min = number(time.substr(3, 2));
  tm.tm_sec = number(time.substr(6, 2));
  if (tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) return std::nullopt;
  const time_t when = timegm(&tm);
  if (when == -1) return std::nullopt;
  return when;
}

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

  const std::optional<time_t> when = parse_http_date(value);
  if (!when) return std::nullopt;
  const auto delay = std::chrono::system_clock::from_time_t(*when) - now;
  return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(delay),
                  std::chrono::milliseconds(0));
}

std::chrono::milliseconds backoff_delay(int retry, double jitter) {
  constexpr long kInitialMs = 250, kMaxMs = 8000;
  const long base = kInitialMs << std::clamp(retry, 0, 5);
  return std::chrono::milliseconds(static_cast<long>(std::min(base, kMaxMs) * jitter));
}

}  // namespace orch::rt
