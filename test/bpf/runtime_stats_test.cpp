// The contract between the runtime and the verifier on dropped spans: what the
// runtime appends to ORCH_STATS_FILE at exit is what the verifier reads.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "core/stats_file.h"
#include "verify/runtime_stats.h"

namespace {

class RuntimeStats : public ::testing::Test {
protected:
  std::string path = ::testing::TempDir() + "orch-verify-stats-" + std::to_string(getpid()) + ".jsonl";
  void SetUp() override { std::remove(path.c_str()); }
  void TearDown() override { std::remove(path.c_str()); }
};

TEST_F(RuntimeStats, DroppedSpansAreSummedOverTheProcessesLines) {
  // published, dropped, exported, export failed, rejected
  ASSERT_TRUE(orch::rt::append_stats_line(path, {10, 7, 10, 0, 0}));
  ASSERT_TRUE(orch::rt::append_stats_line(path, {3, 5, 2, 1, 0}));
  EXPECT_EQ(orch::verify::spans_dropped(path), 12u);
}

TEST_F(RuntimeStats, NoFileIsNoSpanDropped) { EXPECT_EQ(orch::verify::spans_dropped(path), 0u); }

TEST_F(RuntimeStats, MalformedLineNamesTheFileAndLine) {
  std::ofstream(path) << "{\"spans_dropped\":1}\n{\"spans_dropped\":\n";
  try {
    orch::verify::spans_dropped(path);
    FAIL() << "a malformed line was accepted";
  } catch (const std::runtime_error &error) {
    EXPECT_NE(std::string(error.what()).find(path + ":2:"), std::string::npos) << error.what();
  }
}

} // namespace
