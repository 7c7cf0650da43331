#include "ast/function_facts.h"

#include <gtest/gtest.h>

using orch::directives_above;

TEST(Directives, ReadsCommentBlockDirectlyAbove) {
  std::string text = "int x;\n// some doc\n// orch:span db.system=sqlite note=\"two words\"\n  int f() {}\n";
  auto ds = directives_above(text, text.find("int f"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].name, "orch:span");
  ASSERT_EQ(ds[0].attributes.size(), 2u);
  EXPECT_EQ(ds[0].attributes[0], (std::pair<std::string, std::string>("db.system", "sqlite")));
  EXPECT_EQ(ds[0].attributes[1], (std::pair<std::string, std::string>("note", "two words")));
}

TEST(Directives, BlankLineOrCodeBreaksTheBlock) {
  std::string blank = "// orch:ignore\n\nint f() {}\n";
  EXPECT_TRUE(directives_above(blank, blank.find("int f")).empty());
  std::string code = "// orch:ignore\nint g();\nint f() {}\n";
  EXPECT_TRUE(directives_above(code, code.find("int f")).empty());
  std::string same_line = "int g(); int f() {}\n";
  EXPECT_TRUE(directives_above(same_line, same_line.find("int f")).empty());
}

TEST(Directives, BlockCommentAndFirstLine) {
  std::string text = "/* orch:ignore */\nint f() {}\n";
  auto ds = directives_above(text, text.find("int f"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].name, "orch:ignore");
  EXPECT_TRUE(directives_above(text, 0).empty());
}
