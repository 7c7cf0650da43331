#include "launcher/split_command.h"

#include <gtest/gtest.h>

#include <filesystem>

using orch::classify;
using orch::split_command;
using Args = std::vector<std::string>;

TEST(SplitCommand, CompileAndLinkBecomesCompilesThenLink) {
  std::string why_not;
  auto split = split_command(classify({"cc", "-O2", "-o", "app", "a.c", "x.o", "sub/b.c", "-lm", "-Wl,-z,now"}), why_not);
  ASSERT_EQ(why_not, "");
  const std::string dir = split.object_dir;
  ASSERT_TRUE(std::filesystem::is_directory(dir));
  ASSERT_EQ(split.compiles.size(), 2u);
  EXPECT_EQ(split.compiles[0], (Args{"cc", "-O2", "-c", "-o", dir + "/0-a.o", "a.c"}));
  EXPECT_EQ(split.compiles[1], (Args{"cc", "-O2", "-c", "-o", dir + "/1-b.o", "sub/b.c"}));
  EXPECT_EQ(split.link, (Args{"cc", "-O2", "-o", "app", dir + "/0-a.o", "x.o", dir + "/1-b.o", "-lm", "-Wl,-z,now"}));
  std::filesystem::remove_all(dir);
}

TEST(SplitCommand, LanguageOptionFollowsEachSourceAndNotTheObjects) {
  std::string why_not;
  auto split = split_command(classify({"clang++", "-x", "c++", "a.inc", "-xnone", "m.c", "-o", "app"}), why_not);
  ASSERT_EQ(why_not, "");
  const std::string dir = split.object_dir;
  EXPECT_EQ(split.compiles[0], (Args{"clang++", "-c", "-o", dir + "/0-a.o", "-x", "c++", "a.inc"}));
  EXPECT_EQ(split.compiles[1], (Args{"clang++", "-c", "-o", dir + "/1-m.o", "m.c"}));
  EXPECT_EQ(split.link, (Args{"clang++", "-x", "c++", "-x", "none", dir + "/0-a.o", "-x", "c++", "-xnone",
                              dir + "/1-m.o", "-o", "app"}));
  std::filesystem::remove_all(dir);
}

TEST(SplitCommand, SeveralSourcesWithDashC) {
  std::string why_not;
  auto split = split_command(classify({"g++", "-c", "-g", "src/a.cpp", "b.cc"}), why_not);
  ASSERT_EQ(why_not, "");
  EXPECT_TRUE(split.link.empty());
  EXPECT_TRUE(split.object_dir.empty());
  EXPECT_EQ(split.compiles, (std::vector<Args>{{"g++", "-c", "-g", "-o", "a.o", "src/a.cpp"},
                                               {"g++", "-c", "-g", "-o", "b.o", "b.cc"}}));
}

TEST(SplitCommand, WhatCannotBeSplitSaysWhy) {
  std::string why_not;
  split_command(classify({"g++", "-c", "a.cpp", "b.cpp", "-o", "x.o"}), why_not);
  EXPECT_EQ(why_not, "-o with several sources");
  split_command(classify({"gcc", "-c", "a.c", "start.s"}), why_not);
  EXPECT_EQ(why_not, "sources together with other inputs: compile them apart to instrument");
  split_command(classify({"gcc", "-MMD", "a.c", "-o", "app"}), why_not);
  EXPECT_EQ(why_not, "compiles and links with dependency files (-MD/-MF): compile with -c to instrument");
  split_command(classify({"gcc", "a.o", "-o", "app"}), why_not);
  EXPECT_EQ(why_not, "not a compile (-c)");
}
