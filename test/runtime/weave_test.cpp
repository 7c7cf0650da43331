// The weave header's side of the ABI: it skips the runtime while its idle flag
// (or, from a runtime older than metrics, its recording_off flag) is set, and
// never reads a field from a runtime whose table predates it. The runtime here is a scripted table exported by this
// executable, found by the header through dlsym as a real one would be.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>

#include "orch/weave.h"

namespace {

int g_starts = 0;
int g_begins = 0;
uint32_t g_off_flag = 0;
uint32_t g_idle_flag = 0;
orch_api_v1 g_table;

void fake_start(orch_span *s, const orch_site *) {
  ++g_starts;
  static int record;
  s->rec = &record;
}
void fake_begin(orch_span *s, const orch_site *site) {
  ++g_begins;
  fake_start(s, site);
}
void fake_end(orch_span *) {}

// A runtime with a table of `size` bytes; fields past it hold garbage.
void install_runtime(uint32_t size) {
  std::memset(&g_table, 0xAB, sizeof g_table);
  g_table.abi_version = ORCH_ABI_VERSION;
  g_table.size = size;
  g_table.span_start = fake_start;
  g_table.span_end = fake_end;
  if (size > offsetof(orch_api_v1, recording_off)) g_table.recording_off = &g_off_flag;
  if (size >= sizeof g_table) {
    g_table.idle = &g_idle_flag;
    g_table.span_begin = fake_begin;
  }
  g_starts = g_begins = 0;
  g_off_flag = g_idle_flag = 0;
  orch_w_api_cache = nullptr;  // this unit's caches: found again on the next span
  orch_w_off_cache = nullptr;
  orch_w_begin_fn = nullptr;
}

orch_site g_site = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "f", "f", "weave_test.cpp", 1, 0, nullptr, nullptr, 0};

bool traced_call_recorded() {
  orch::weave::ScopedSpan span(&g_site);
  span.attr("unused", 1);  // attribute calls are skipped without a record: the table has none
  return g_starts > 0;
}

TEST(Weave, SkipsTheRuntimeWhileIdle) {
  install_runtime(sizeof(orch_api_v1));
  g_table.attr_i64 = [](orch_span *, const char *, int64_t) {};
  g_idle_flag = 1;
  EXPECT_FALSE(traced_call_recorded());
  EXPECT_EQ(g_starts, 0);
  g_idle_flag = 0;
  g_off_flag = 1;  // spans off, metrics on: the call still reaches the runtime
  EXPECT_TRUE(traced_call_recorded());
  EXPECT_EQ(g_begins, 1) << "span_begin, not span_start";
}

TEST(Weave, SkipsARuntimeOlderThanMetricsWhileRecordingIsOff) {
  install_runtime(offsetof(orch_api_v1, idle));  // no idle nor span_begin: 0xABAB... must not be read
  g_table.attr_i64 = [](orch_span *, const char *, int64_t) {};
  g_off_flag = 1;
  EXPECT_FALSE(traced_call_recorded());
  EXPECT_EQ(g_starts, 0);
  g_off_flag = 0;  // e.g. never set; set again at exit
  EXPECT_TRUE(traced_call_recorded());
  g_off_flag = 1;
  g_starts = 0;
  EXPECT_FALSE(traced_call_recorded()) << "the flag is read on every span, not cached";
  EXPECT_EQ(g_begins, 0);
}

TEST(Weave, AsksAnOlderRuntimeEveryTime) {
  install_runtime(offsetof(orch_api_v1, recording_off));  // no recording_off: 0xABAB... must not be read
  g_table.attr_i64 = [](orch_span *, const char *, int64_t) {};
  EXPECT_TRUE(traced_call_recorded());
  EXPECT_EQ(g_starts, 1);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const orch_api_v1 *orch_runtime_api_v1(void) { return &g_table; }
