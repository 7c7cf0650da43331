#include "export/otlp_retry.h"

#include <gtest/gtest.h>

namespace orch::test {
namespace {

using namespace std::chrono;
using rt::HttpVerdict;

TEST(OtlpRetry, StatusClassification) {
  for (long s : {200L, 202L, 204L}) EXPECT_EQ(rt::classify_http_status(s), HttpVerdict::Success);
  for (long s : {429L, 502L, 503L, 504L})
    EXPECT_EQ(rt::classify_http_status(s), HttpVerdict::Retryable) << s;
  for (long s : {400L, 401L, 403L, 404L, 413L, 500L, 501L, 302L})
    EXPECT_EQ(rt::classify_http_status(s), HttpVerdict::Permanent) << s;
}

TEST(OtlpRetry, RetryAfterSeconds) {
  const auto now = system_clock::now();
  EXPECT_EQ(rt::parse_retry_after("3", now), milliseconds(3000));
  EXPECT_EQ(rt::parse_retry_after(" 0 ", now), milliseconds(0));
  EXPECT_EQ(rt::parse_retry_after("99999999999999999999999", now), milliseconds(86400000));
  for (const char *bad : {"", "-1", "1.5", "3s", "soon", "tomorrow"})
    EXPECT_FALSE(rt::parse_retry_after(bad, now).has_value()) << bad;
}

TEST(OtlpRetry, RetryAfterHttpDateInAllThreeFormats) {
  // Sun, 06 Nov 1994 08:49:37 GMT
  const auto date = system_clock::from_time_t(784111777);
  const auto now = date - seconds(5);
  EXPECT_EQ(rt::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), milliseconds(5000));
  EXPECT_EQ(rt::parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now), milliseconds(5000));
  EXPECT_EQ(rt::parse_retry_after("Sun Nov  6 08:49:37 1994", now), milliseconds(5000));
  // A date in the past means "now".
  EXPECT_EQ(rt::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", date + seconds(60)),
            milliseconds(0));
}

TEST(OtlpRetry, BackoffDoublesUpToACapAndScalesWithJitter) {
  EXPECT_EQ(rt::backoff_delay(0, 1.0), milliseconds(250));
  EXPECT_EQ(rt::backoff_delay(1, 1.0), milliseconds(500));
  EXPECT_EQ(rt::backoff_delay(3, 1.0), milliseconds(2000));
  EXPECT_EQ(rt::backoff_delay(5, 1.0), milliseconds(8000));
  EXPECT_EQ(rt::backoff_delay(40, 1.0), milliseconds(8000));
  EXPECT_EQ(rt::backoff_delay(1, 0.5), milliseconds(250));
}

}  // namespace
}  // namespace orch::test
