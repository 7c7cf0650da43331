#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <unordered_set>

#include "core/ids.h"

namespace orch::rt {
namespace {

TEST(Ids, SpanIdsAreNonZeroAndUnique) {
  IdGenerator g;
  g.seed();
  std::unordered_set<uint64_t> seen;
  for (int i = 0; i < 200000; ++i) {
    uint64_t id = g.span_id();
    ASSERT_NE(id, 0u);
    ASSERT_TRUE(seen.insert(id).second) << "duplicate span id after " << i;
  }
}

TEST(Ids, TraceIdsAreNonZeroAndUnique) {
  IdGenerator g;
  g.seed();
  std::unordered_set<std::string> seen;
  for (int i = 0; i < 100000; ++i) {
    uint8_t id[16];
    g.trace_id(id);
    std::string s(reinterpret_cast<char *>(id), 16);
    ASSERT_NE(s, std::string(16, '\0'));
    ASSERT_TRUE(seen.insert(s).second);
  }
}

// Every bit of the output is set about half of the time (a broken generator
// or a stuck seed shows up as bits that never or always flip).
TEST(Ids, BitsAreBalanced) {
  IdGenerator g;
  g.seed();
  constexpr int kN = 100000;
  int ones[64] = {};
  for (int i = 0; i < kN; ++i) {
    uint64_t v = g.next();
    for (int b = 0; b < 64; ++b) ones[b] += (v >> b) & 1;
  }
  // 6 standard deviations of a binomial(kN, 0.5).
  const double tolerance = 6 * std::sqrt(kN * 0.25);
  for (int b = 0; b < 64; ++b) EXPECT_NEAR(ones[b], kN / 2, tolerance) << "bit " << b;
}

TEST(Ids, SeparatelySeededGeneratorsDiffer) {
  IdGenerator a, b;
  a.seed();
  b.seed();
  EXPECT_NE(a.next(), b.next());
}

TEST(Ids, SpanIdBytesAreBigEndian) {
  uint8_t bytes[8];
  span_id_bytes(0x0102030405060708ULL, bytes);
  const uint8_t expected[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(0, std::memcmp(bytes, expected, 8));
  EXPECT_EQ(span_id_value(bytes), 0x0102030405060708ULL);
}

TEST(Ids, HexRoundTripAndRejectsUpperCase) {
  const uint8_t bytes[3] = {0x00, 0xab, 0xff};
  char hex[6];
  hex_encode(bytes, 3, hex);
  EXPECT_EQ(std::string(hex, 6), "00abff");
  uint8_t back[3];
  ASSERT_TRUE(hex_decode_lower(hex, 3, back));
  EXPECT_EQ(0, std::memcmp(bytes, back, 3));
  EXPECT_FALSE(hex_decode_lower("00ABFF", 3, back));
  EXPECT_FALSE(hex_decode_lower("00abfg", 3, back));
}

}  // namespace
}  // namespace orch::rt
