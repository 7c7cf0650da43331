#include "aspects/config_loader.h"

#include "advice/advice.h"
#include "match/join_point.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace orch;

namespace {

class ConfigLoader : public testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) / ("orch-config-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "builtin");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string &name, const std::string &text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::string error_of(const std::string &text) {
    try {
      load_config(write("orch.yaml", text), (dir_ / "builtin").string());
    } catch (const ConfigError &e) {
      return e.what();
    }
    return "no error";
  }
  fs::path dir_;
};

}  // namespace

TEST_F(ConfigLoader, TheIssueExample) {
  Config c = load_config(write("orch.yaml", "service: demo-app\n"
                                            "aspects:\n"
                                            "  - id: trace-demo\n"
                                            "    join-point:\n"
                                            "      function-body:\n"
                                            "        qualified-name: \"demo::*\"\n"
                                            "    advice:\n"
                                            "      - span: {}\n"),
                         (dir_ / "builtin").string());
  EXPECT_EQ(c.service, "demo-app");
  ASSERT_EQ(c.aspects.size(), 1u);
  EXPECT_EQ(c.aspects[0].id, "trace-demo");
  EXPECT_EQ(c.aspects[0].join_point->shadows(), kBodyShadows);
  EXPECT_STREQ(c.aspects[0].advice[0]->key(), "span");
  EXPECT_EQ(c.root, dir_.string());
}

TEST_F(ConfigLoader, FilesAndBuiltinsAreFollowedAndListed) {
  write("builtin/std.yaml", "aspects:\n  - id: b\n    join-point: {directive: \"orch:span\"}\n    advice: [{span: {}}]\n");
  write("more.yaml", "aspects:\n  - id: f\n    join-point: {function-body: {name: x}}\n    advice: [{span: {kind: server}}]\n");
  Config c = load_config(write("orch.yaml", "aspects:\n  - builtin: std\n  - file: more.yaml\n"), (dir_ / "builtin").string());
  ASSERT_EQ(c.aspects.size(), 2u);
  EXPECT_EQ(c.aspects[1].id, "f");
  EXPECT_EQ(c.input_files.size(), 3u);
}

TEST_F(ConfigLoader, ErrorsNameFileLineAndColumn) {
  std::string f = (dir_ / "orch.yaml").string();
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    joinpoint: {}\n"),
            f + ":3:5: error: unknown key 'joinpoint' in an aspect (expected one of: id, join-point, advice)");
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    join-point: {function-body: {kind: [method, lambada]}}\n    advice: [{span: {}}]\n"),
            f + ":3:49: error: unknown kind 'lambada' (expected function, method, constructor, destructor or lambda)");
  EXPECT_EQ(error_of("aspects: [\n"), f + ":2:1: error: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    join-point: {directive: \"orch:span\"}\n    advice: [{span: {name: \"{fn}\"}}]\n"),
            f + ":4:28: error: unknown placeholder '{fn}' (expected qualified_name, name, class, namespace, file, line, kind, caller, aspect or arg:NAME)");
  EXPECT_EQ(error_of("aspects:\n  - file: missing.yaml\n"), f + ":2:11: error: aspect file 'missing.yaml' not found");
}

// Found by aspect_config_fuzzer: a name the file system refuses (longer than
// NAME_MAX) threw std::filesystem::filesystem_error out of load_config, and
// orch died in std::terminate instead of naming the line.
TEST_F(ConfigLoader, AFileNameTheSystemRefusesIsAnErrorAtItsLine) {
  const std::string f = (dir_ / "orch.yaml").string();
  const std::string long_name(300, 'x');
  EXPECT_EQ(error_of("aspects:\n  - builtin: " + long_name + "\n"),
            f + ":2:14: error: aspect file 'builtin " + long_name + "' cannot be read: File name too long");
  EXPECT_EQ(error_of("aspects:\n  - file: " + long_name + ".yaml\n"),
            f + ":2:11: error: aspect file '" + long_name + ".yaml' cannot be read: File name too long");
}

// Found with aspect_config_fuzzer's harness: a directory (or a file whose read
// fails) threw std::ios_base::failure out of yaml-cpp's LoadFile.
TEST_F(ConfigLoader, AFileThatCannotBeReadIsAnError) {
  const std::string directory = (fs::canonical(dir_) / "builtin").string();
  EXPECT_EQ(error_of("aspects:\n  - file: " + directory + "\n"), directory + ":1:1: error: cannot read file");
}

TEST_F(ConfigLoader, AdviceMustSuitTheJoinPoint) {
  std::string f = (dir_ / "orch.yaml").string();
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    join-point: {function-body: {name: x}}\n"
                     "    advice: [{propagate-context: {arg: 0}}]\n"),
            f + ":4:14: error: 'propagate-context' advice applies to calls, but the join point can also match function bodies");
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    join-point: {function-call: f}\n"
                     "    advice: [{span: {error-unless-return: \"0 || 1\"}}]\n"),
            f + ":4:43: error: expected an integer or the name of a constant, not '0 || 1'");
  EXPECT_EQ(error_of("aspects:\n  - id: a\n    join-point: {function-call: f}\n    advice: [{wrap: {}}]\n"),
            f + ":4:15: error: unknown key 'wrap' in advice (expected one of: span, metrics-only, propagate-context, replace-function, wrap-argument)");
  Config c = load_config(write("orch.yaml", "aspects:\n  - id: a\n    join-point: {function-call: f}\n"
                                            "    advice: [{replace-function: 'my::f'}, {span: {error-if-return: -1}}]\n"),
                         (dir_ / "builtin").string());
  ASSERT_EQ(c.aspects[0].advice.size(), 2u);
  EXPECT_TRUE(c.aspects[0].advice[0]->redirects_call());
}

TEST_F(ConfigLoader, FindConfigWalksUp) {
  write("orch.yaml", "");
  fs::create_directories(dir_ / "a" / "b");
  EXPECT_EQ(find_config((dir_ / "a" / "b").string()), (dir_ / "orch.yaml").string());
}
