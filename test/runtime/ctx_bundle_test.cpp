// Runs the C scenarios of ctx_bundle_scenarios.c (0: passed, else the line of
// the failed check) against liborch_runtime.so.
#include <gtest/gtest.h>

#include <cstdlib>

extern "C" {
int ctx_bundle_thread_runs_under_the_span(void);
int ctx_bundle_pthread_exit_frees_the_bundle(void);
int ctx_bundle_failed_create_frees_the_bundle(void);
int ctx_bundle_nothing_without_a_span(void);
}

namespace {

TEST(CtxBundle, ThreadRunsUnderTheSpan) { EXPECT_EQ(ctx_bundle_thread_runs_under_the_span(), 0); }
TEST(CtxBundle, PthreadExitFreesTheBundle) { EXPECT_EQ(ctx_bundle_pthread_exit_frees_the_bundle(), 0); }
TEST(CtxBundle, FailedCreateFreesTheBundle) { EXPECT_EQ(ctx_bundle_failed_create_frees_the_bundle(), 0); }
TEST(CtxBundle, NothingWithoutASpan) { EXPECT_EQ(ctx_bundle_nothing_without_a_span(), 0); }

}  // namespace

int main(int argc, char **argv) {
  // Every span recorded; the exporter writes to /dev/null.
  setenv("OTEL_TRACES_EXPORTER", "file", 0);
  setenv("ORCH_FILE_EXPORTER_PATH", "/dev/null", 0);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
