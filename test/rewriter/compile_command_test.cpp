#include "launcher/compile_command.h"

#include <gtest/gtest.h>

#include <fstream>

using orch::classify;

TEST(CompileCommand, SingleSourceCompile) {
  auto cmd = classify({"g++", "-O2", "-I", "inc", "-MD", "-MT", "x", "-MF", "dep/a.d", "-o", "obj/a.o", "-c", "src/a.cpp"});
  ASSERT_TRUE(cmd.instrumentable()) << cmd.pass_reason;
  EXPECT_EQ(cmd.source(), "src/a.cpp");
  EXPECT_TRUE(cmd.cplusplus);
  EXPECT_EQ(cmd.output, "obj/a.o");
  EXPECT_EQ(cmd.depfile, "dep/a.d");
  EXPECT_EQ(cmd.compiler_args().front(), "-O2");
}

TEST(CompileCommand, WrappersAndDefaults) {
  auto cmd = classify({"ccache", "gcc", "-MMD", "-c", "lib/b.c"});
  ASSERT_TRUE(cmd.instrumentable());
  EXPECT_EQ(cmd.compiler_index, 1u);
  EXPECT_FALSE(cmd.cplusplus);
  EXPECT_EQ(cmd.output, "b.o");
  EXPECT_EQ(cmd.depfile, "b.d");
}

TEST(CompileCommand, LanguageFromDashX) {
  EXPECT_TRUE(classify({"cc", "-x", "c++", "-c", "a.inc"}).cplusplus);
  EXPECT_FALSE(classify({"cc", "-x", "c++-header", "-c", "pch.hxx"}).instrumentable());
  EXPECT_FALSE(classify({"cc", "-xassembler-with-cpp", "-c", "a.S"}).instrumentable());
}

TEST(CompileCommand, PassThrough) {
  EXPECT_EQ(classify({"g++", "a.o", "b.o", "-o", "app"}).pass_reason, "not a compile (-c)");
  EXPECT_EQ(classify({"g++", "--version"}).pass_reason, "not a compile (-c)");
  EXPECT_EQ(classify({"g++", "-E", "-c", "a.cpp"}).pass_reason, "preprocessing or dependency generation only");
  EXPECT_EQ(classify({"g++", "-M", "-c", "a.cpp"}).pass_reason, "preprocessing or dependency generation only");
  EXPECT_EQ(classify({"g++", "-c", "a.cpp", "b.cpp"}).pass_reason, "not exactly one C or C++ source");
  EXPECT_EQ(classify({"g++", "-o", "app", "a.cpp"}).pass_reason, "compiles and links");
  EXPECT_EQ(classify({"gcc", "-c", "start.s"}).pass_reason, "not exactly one C or C++ source");
  EXPECT_EQ(classify({"gcc", "-c", "-"}).pass_reason, "not exactly one C or C++ source");
}

TEST(CompileCommand, ResponseFilesAreExpanded) {
  std::string rsp = testing::TempDir() + "/orch-args.rsp";
  std::ofstream(rsp) << "-DX=1 -c \"src/with space.cpp\"";
  auto cmd = classify({"g++", "@" + rsp, "-o", "a.o"});
  ASSERT_TRUE(cmd.instrumentable()) << cmd.pass_reason;
  EXPECT_EQ(cmd.source(), "src/with space.cpp");
}

TEST(CompileCommand, RolesOfACompileAndLink) {
  using enum orch::ArgRole;
  auto cmd = classify({"ccache", "cc", "-O2", "-o", "app", "-I", "inc", "a.c", "lib.a", "-L", "dir", "-lm",
                       "-Wl,--as-needed", "-shared", "-x", "c++", "b.inc"});
  EXPECT_TRUE(cmd.links);
  EXPECT_EQ(cmd.roles, (std::vector<orch::ArgRole>{Wrapper, Compiler, Option, Output, Output, Option, Option, Source,
                                                    Input, LinkOnly, LinkOnly, LinkOnly, LinkOnly, LinkOnly, Option,
                                                    Option, Source}));
  EXPECT_EQ(cmd.sources(), (std::vector<size_t>{7, 16}));
}

TEST(CompileCommand, MayWarnUnusedParameters) {
  EXPECT_TRUE(classify({"g++", "-Wall", "-Wextra", "-c", "a.cpp"}).may_warn_unused_parameters());
  EXPECT_FALSE(classify({"g++", "-Wextra", "-c", "a.cpp"}).may_warn_unused_parameters());  // GCC: with -Wunused only
  EXPECT_TRUE(classify({"clang++", "-Wextra", "-c", "a.cpp"}).may_warn_unused_parameters());
  EXPECT_TRUE(classify({"g++", "-Wunused-parameter", "-c", "a.cpp"}).may_warn_unused_parameters());
  EXPECT_FALSE(classify({"g++", "-Wall", "-Wextra", "-Wno-unused-parameter", "-c", "a.cpp"}).may_warn_unused_parameters());
  EXPECT_FALSE(classify({"g++", "-Wall", "-Wextra", "-w", "-c", "a.cpp"}).may_warn_unused_parameters());
  EXPECT_FALSE(classify({"g++", "-O2", "-c", "a.cpp"}).may_warn_unused_parameters());
}
