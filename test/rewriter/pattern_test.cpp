#include "aspects/pattern.h"

#include <gtest/gtest.h>

using orch::Pattern;

namespace {
Pattern make(const std::string &text, Pattern::Flavor flavor = Pattern::Flavor::Name) {
  std::string error;
  Pattern p = Pattern::parse(text, flavor, error);
  EXPECT_EQ(error, "") << text;
  return p;
}
}  // namespace

TEST(Pattern, NameGlobStarCrossesScopes) {
  Pattern p = make("demo::*");
  EXPECT_TRUE(p.matches("demo::f"));
  EXPECT_TRUE(p.matches("demo::Shape::sides"));
  EXPECT_FALSE(p.matches("demographics::f"));
  EXPECT_FALSE(p.matches("other::demo::f"));
}

TEST(Pattern, GlobIsAnchoredAndEscapesRegexCharacters) {
  Pattern p = make("operator()");
  EXPECT_TRUE(p.matches("operator()"));
  EXPECT_FALSE(p.matches("operator"));
  EXPECT_TRUE(make("get?").matches("getX"));
  EXPECT_FALSE(make("get?").matches("get"));
}

TEST(Pattern, PathGlobs) {
  Pattern one = make("src/*.cpp", Pattern::Flavor::Path);
  EXPECT_TRUE(one.matches("src/a.cpp"));
  EXPECT_FALSE(one.matches("src/sub/a.cpp"));
  Pattern deep = make("third_party/**", Pattern::Flavor::Path);
  EXPECT_TRUE(deep.matches("third_party/x/y/z.cc"));
  Pattern any_dir = make("**/gen/*.c", Pattern::Flavor::Path);
  EXPECT_TRUE(any_dir.matches("gen/a.c"));
  EXPECT_TRUE(any_dir.matches("a/b/gen/a.c"));
  EXPECT_FALSE(any_dir.matches("a/b/gen/x/a.c"));
}

TEST(Pattern, RegexIsUnanchored) {
  Pattern p = make("regex:Db::(get|put)$");
  EXPECT_TRUE(p.matches("storage::Db::get"));
  EXPECT_FALSE(p.matches("storage::Db::getAll"));
}

TEST(Pattern, InvalidRegexIsReported) {
  std::string error;
  Pattern::parse("regex:(unclosed", Pattern::Flavor::Name, error);
  EXPECT_NE(error.find("invalid regular expression"), std::string::npos);
}
