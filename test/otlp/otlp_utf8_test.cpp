#include "export/otlp_utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace orch::test {
namespace {

std::string sanitize(std::string_view s) {
  std::string out(rt::utf8_sanitized_size(s), '\0');
  EXPECT_EQ(rt::utf8_sanitize_to(s, out.data()), out.data() + out.size());
  return out;
}

const std::string kFffd = "\xef\xbf\xbd";

TEST(Utf8, ValidTextIsUnchanged) {
  for (std::string_view s : {"", "plain ascii that is longer than eight bytes", "\xc3\xa9t\xc3\xa9",
                             "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xed\x9f\xbf"}) {
    EXPECT_TRUE(rt::utf8_valid(s)) << s;
    EXPECT_EQ(sanitize(s), s);
  }
}

TEST(Utf8, EachInvalidByteBecomesOneReplacementCharacter) {
  EXPECT_EQ(sanitize("a\xff" "b"), "a" + kFffd + "b");
  EXPECT_EQ(sanitize("\xe2\x82"), kFffd + kFffd);                  // truncated sequence
  EXPECT_EQ(sanitize("\xc0\xaf"), kFffd + kFffd);                  // overlong '/'
  EXPECT_EQ(sanitize("\xed\xa0\x80"), kFffd + kFffd + kFffd);      // UTF-16 surrogate
  EXPECT_EQ(sanitize("\xf4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // above U+10FFFF
  EXPECT_EQ(sanitize("12345678\x80"), "12345678" + kFffd);         // after the 8-byte fast path
  EXPECT_FALSE(rt::utf8_valid("\xe2\x82"));
  EXPECT_FALSE(rt::utf8_valid(std::string_view("abcdefgh\xc3", 9)));
}

}  // namespace
}  // namespace orch::test
