// Vectors from the W3C Trace Context specification and its test suite.
#include <gtest/gtest.h>

#include <cstring>

#include "core/trace_context.h"
#include "orch/orch.h"

namespace orch::rt {
namespace {

constexpr const char *kValid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(Traceparent, ParsesTheSpecExample) {
  orch_span_context ctx{};
  ASSERT_TRUE(parse_traceparent(kValid, ctx));
  const uint8_t trace[16] = {0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6,
                             0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36};
  const uint8_t span[8] = {0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7};
  EXPECT_EQ(0, std::memcmp(ctx.trace_id, trace, 16));
  EXPECT_EQ(0, std::memcmp(ctx.span_id, span, 8));
  EXPECT_EQ(ctx.trace_flags, 1);
  EXPECT_EQ(ctx.is_remote, 1);
}

TEST(Traceparent, FormatRoundTrips) {
  orch_span_context ctx{};
  ASSERT_TRUE(parse_traceparent(kValid, ctx));
  char buf[64];
  ASSERT_EQ(orch_traceparent_format(&ctx, buf, sizeof buf), kTraceparentLength);
  EXPECT_STREQ(buf, kValid);
  EXPECT_EQ(orch_traceparent_format(&ctx, buf, kTraceparentLength), 0u) << "no room for the NUL";
}

TEST(Traceparent, FormatRejectsInvalidContext) {
  orch_span_context ctx{};
  char buf[64];
  EXPECT_EQ(orch_traceparent_format(&ctx, buf, sizeof buf), 0u);
}

TEST(Traceparent, AcceptsFutureVersionsWithMoreFields) {
  orch_span_context ctx{};
  EXPECT_TRUE(parse_traceparent("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future", ctx));
  EXPECT_TRUE(parse_traceparent("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09", ctx));
  EXPECT_EQ(ctx.trace_flags, 9);
}

TEST(Traceparent, RejectsMalformedValues) {
  const char *bad[] = {
      "",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",      // short
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",    // v00 with extra
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",    // v00 too long
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // version ff is invalid
      "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // bad version hex
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",     // zero trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",     // zero span id
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",     // upper case
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",     // upper case
      "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // separator
      "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",     // separator
      "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01",     // misplaced dash
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",     // bad flags
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.x",   // future version, no dash
      " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",    // leading space
  };
  for (const char *v : bad) {
    orch_span_context ctx{};
    EXPECT_FALSE(parse_traceparent(v, ctx)) << v;
    EXPECT_EQ(orch_traceparent_parse(v, std::strlen(v), &ctx), 0) << v;
  }
}

}  // namespace
}  // namespace orch::rt
