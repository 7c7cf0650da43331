// span_start_detached: a span of an operation that outlives the call that
// starts it is a child of the current span, yet never the parent of spans
// started meanwhile; it ends on its thread or another, out of order, after
// its parent, and its Record is reused. Each test runs in a child process
// with a fresh runtime (runtime_harness.h).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "runtime_harness.h"

namespace orch::test {
namespace {

orch_site g_parent = make_site("parent");
orch_site g_transfer = make_site("transfer");
orch_site g_meanwhile = make_site("meanwhile");

TEST(DetachedSpan, IsAChildOfTheCurrentSpanButNeverAParent) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span parent, transfer, meanwhile;
                    api()->span_start(&parent, &g_parent);
                    api()->span_start_detached(&transfer, &g_transfer);
                    CHILD_CHECK(transfer.rec != nullptr);
                    api()->span_start(&meanwhile, &g_meanwhile);
                    api()->span_end(&meanwhile);
                    api()->span_end(&parent);
                    orch_span_context current;
                    CHILD_CHECK(orch_current_context(&current) == 0);  // nothing left current
                    std::thread([&] { api()->span_end(&transfer); }).join();
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 3u);
  const CapturedSpan &parent = named(spans, "parent"), &transfer = named(spans, "transfer"),
                     &meanwhile = named(spans, "meanwhile");
  EXPECT_EQ(transfer.parent_span_id, parent.span_id);
  EXPECT_EQ(meanwhile.parent_span_id, parent.span_id) << "not the detached span's child";
  EXPECT_EQ(transfer.trace_id, parent.trace_id);
  EXPECT_GT(transfer.end, parent.end) << "ended after its parent";
}

TEST(DetachedSpan, ManyEndedOutOfOrderAreAllExported) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    for (int round = 0; round < 50; ++round) {
                      std::vector<orch_span> open(40);
                      for (auto &s : open) api()->span_start_detached(&s, &g_transfer);
                      for (size_t i = 0; i < open.size(); i += 2) api()->span_end(&open[i]);
                      std::thread([&] {
                        for (size_t i = 1; i < open.size(); i += 2) api()->span_end(&open[i]);
                      }).join();
                      orch_span_context current;
                      CHILD_CHECK(orch_current_context(&current) == 0);
                    }
                  }),
            0);
  auto spans = h.spans();
  EXPECT_EQ(spans.size(), 2000u);
  for (const auto &s : spans) EXPECT_TRUE(s.parent_span_id.empty() || s.parent_span_id == std::string(16, '0'));
}

}  // namespace
}  // namespace orch::test
