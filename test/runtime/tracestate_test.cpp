// tracestate through the C ABI of orch.h: the W3C grammar, the 32-member
// limit, updates moving a key to the front, formatting.
#include <gtest/gtest.h>

#include <cstring>
#include <deque>
#include <string>

#include "orch/orch.h"

namespace {

std::string format(const orch_tracestate &ts) {
  char buf[1024];
  size_t n = orch_tracestate_format(&ts, buf, sizeof buf);
  return std::string(buf, n);
}

// Members point into the parsed text, so every header stays alive until the end.
bool parses(std::string header, orch_tracestate &ts) {
  static std::deque<std::string> headers;
  const std::string &kept = headers.emplace_back(std::move(header));
  return orch_tracestate_parse(kept.data(), kept.size(), &ts) == 1;
}

std::string value_of(const orch_tracestate &ts, const char *key) {
  const orch_tracestate_member *m = orch_tracestate_get(&ts, key, std::strlen(key));
  return m ? std::string(m->value, m->value_len) : "<absent>";
}

TEST(Tracestate, ParsesMembersInOrderAndFormatsThemBack) {
  orch_tracestate ts;
  ASSERT_TRUE(parses("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", ts));
  ASSERT_EQ(ts.count, 2u);
  EXPECT_EQ(value_of(ts, "rojo"), "00f067aa0ba902b7");
  EXPECT_EQ(value_of(ts, "congo"), "t61rcWkgMzE");
  EXPECT_EQ(format(ts), "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
}

TEST(Tracestate, SkipsOptionalWhitespaceAndEmptyMembers) {
  orch_tracestate ts;
  ASSERT_TRUE(parses(" a=1 ,\t, b=x y ,,", ts));
  ASSERT_EQ(ts.count, 2u);
  EXPECT_EQ(value_of(ts, "b"), "x y") << "inner spaces belong to the value";
  EXPECT_EQ(format(ts), "a=1,b=x y");
  ASSERT_TRUE(parses("", ts));
  EXPECT_EQ(ts.count, 0u);
}

TEST(Tracestate, AcceptsMultiTenantKeysAndTheGrammarsEdges) {
  orch_tracestate ts;
  EXPECT_TRUE(parses("fw529a3039@dt=x,0tenant@sys_-*/9=y", ts));
  EXPECT_TRUE(parses("a" + std::string(255, 'z') + "=v", ts)) << "256-char simple key";
  EXPECT_TRUE(parses("k=" + std::string(256, 'v'), ts)) << "256-char value";
  EXPECT_TRUE(parses(std::string(241, 't') + "@" + std::string(14, 's') + "=v", ts));
  EXPECT_TRUE(parses("k=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~", ts)) << "every printable except , and =";
}

TEST(Tracestate, RejectsMalformedListsAsAWhole) {
  const std::string bad[] = {
      "Upper=1",                        // keys are lower case
      "1abc=1",                         // a simple key starts with a letter
      "a=1,noequals",                   // member without '='
      "a=",                             // empty value
      "a=b=c",                          // '=' in a value
      "a=caf\xc3\xa9",                  // non-ASCII value
      "a=\x01",                         // control character
      "a@=1", "@b=1", "a@1b=1",         // tenant and system ids
      "a" + std::string(256, 'z') + "=v",                            // 257-char key
      "k=" + std::string(257, 'v'),                                  // 257-char value
      std::string(242, 't') + "@s=v", "t@" + std::string(15, 's') + "=v",
      "a=1,b=2,a=3",                    // duplicate key
  };
  for (const std::string &h : bad) {
    orch_tracestate ts;
    ts.count = 7;
    EXPECT_FALSE(parses(h, ts)) << h;
    EXPECT_EQ(ts.count, 0u) << h;
  }
}

std::string members(int n, int first = 0) {
  std::string h;
  for (int i = first; i < first + n; ++i) h += (h.empty() ? "" : ",") + ("k" + std::to_string(i)) + "=v";
  return h;
}

TEST(Tracestate, AllowsAtMost32Members) {
  orch_tracestate ts;
  EXPECT_TRUE(parses(members(32), ts));
  EXPECT_EQ(ts.count, 32u);
  EXPECT_FALSE(parses(members(33), ts));
  EXPECT_TRUE(parses(members(32) + ",,, ,", ts)) << "empty members do not count";
}

TEST(Tracestate, SetMovesTheKeyToTheFrontAndDropsTheRightmostBeyond32) {
  orch_tracestate ts;
  ASSERT_TRUE(parses("a=1,b=2,c=3", ts));
  ASSERT_EQ(orch_tracestate_set(&ts, "b", 1, "22", 2), 1);
  EXPECT_EQ(format(ts), "b=22,a=1,c=3");
  ASSERT_EQ(orch_tracestate_set(&ts, "orch", 4, "x", 1), 1);
  EXPECT_EQ(format(ts), "orch=x,b=22,a=1,c=3");

  ASSERT_TRUE(parses(members(32), ts));
  ASSERT_EQ(orch_tracestate_set(&ts, "new", 3, "v", 1), 1);
  EXPECT_EQ(ts.count, 32u);
  EXPECT_EQ(format(ts), "new=v," + members(31));
}

TEST(Tracestate, SetRejectsInvalidKeysAndValuesWithoutChanges) {
  orch_tracestate ts;
  ASSERT_TRUE(parses("a=1", ts));
  EXPECT_EQ(orch_tracestate_set(&ts, "B", 1, "1", 1), 0);
  EXPECT_EQ(orch_tracestate_set(&ts, "b", 1, "x,y", 3), 0);
  EXPECT_EQ(orch_tracestate_set(&ts, "b", 1, "", 0), 0);
  EXPECT_EQ(format(ts), "a=1");
}

TEST(Tracestate, RemoveAndGet) {
  orch_tracestate ts;
  ASSERT_TRUE(parses("a=1,b=2,c=3", ts));
  EXPECT_EQ(orch_tracestate_remove(&ts, "b", 1), 1);
  EXPECT_EQ(orch_tracestate_remove(&ts, "b", 1), 0);
  EXPECT_EQ(value_of(ts, "b"), "<absent>");
  EXPECT_EQ(format(ts), "a=1,c=3");
}

TEST(Tracestate, FormatNeedsRoomForTheNul) {
  orch_tracestate ts;
  ASSERT_TRUE(parses("a=1,b=2", ts));
  char buf[8];
  EXPECT_EQ(orch_tracestate_format(&ts, buf, 7), 0u);
  EXPECT_EQ(orch_tracestate_format(&ts, buf, 8), 7u);
  EXPECT_STREQ(buf, "a=1,b=2");
}

TEST(Tracestate, RefusesAStructWithAnImpossibleCount) {
  orch_tracestate ts;
  ts.count = 33;
  char buf[8];
  EXPECT_EQ(orch_tracestate_format(&ts, buf, sizeof buf), 0u);
  EXPECT_EQ(orch_tracestate_set(&ts, "a", 1, "1", 1), 0);
  EXPECT_EQ(orch_tracestate_get(&ts, "a", 1), nullptr);
}

}  // namespace
