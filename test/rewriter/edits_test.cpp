#include "weave/edits.h"

#include <gtest/gtest.h>

TEST(Edits, AppliedInOffsetOrderThenInsertionOrder) {
  orch::EditList edits;
  edits.insert(5, "<b>");
  edits.insert(0, "<a>");
  edits.insert(5, "<c>");
  EXPECT_EQ(edits.apply("01234567"), "<a>01234<b><c>567");
  edits.insert(8, "!");
  EXPECT_EQ(edits.apply("01234567"), "<a>01234<b><c>567!");
}

TEST(Edits, ReplacementsAndInsertions) {
  orch::EditList edits;
  edits.replace(9, 5, "\"/abs/a.h\"");
  edits.insert(0, "// ");
  edits.insert(14, " x");
  EXPECT_EQ(edits.apply("#include \"a.h\"\nint"), "// #include \"/abs/a.h\" x\nint");
}

TEST(Edits, StringLiterals) {
  // "?\?=" is written so, not as "??=", which would be a trigraph.
  EXPECT_EQ(orch::c_string_literal("a\"b\\c\n?\?="), "\"a\\\"b\\\\c\\n\\?\\?=\"");
  EXPECT_EQ(orch::json_string("tab\there\x01"), "\"tab\\there\\u0001\"");
}
