// A remote parent's tracestate on the spans under it: attached with
// orch_context_attach_tracestate, carried by every descendant, exported as the
// W3C header string, alive as long as a queued span needs it. Each test runs
// the runtime in a child process (runtime_harness.h); under ASan/TSan these
// tests are the lifetime checks of the shared string.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>
#include <thread>

#include "runtime_harness.h"

namespace orch::test {
namespace {

constexpr const char *kTraceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
// As received: optional whitespace and an empty member, which the W3C header
// string spans carry does not have.
constexpr const char *kReceived = " congo=t61rcWkgMzE ,, rojo=00f067aa0ba902b7";
constexpr const char *kCarried = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

orch_site g_request = make_site("request");
orch_site g_inner = make_site("inner");
orch_site g_leaf = make_site("leaf");
orch_site g_local = make_site("local");

orch_span_context remote_parent() {
  orch_span_context ctx{};
  CHILD_CHECK(orch_traceparent_parse(kTraceparent, std::strlen(kTraceparent), &ctx) == 1);
  return ctx;
}

void *attach(const char *tracestate) {
  const orch_span_context ctx = remote_parent();
  void *token = orch_context_attach_tracestate(&ctx, tracestate, tracestate ? std::strlen(tracestate) : 0);
  CHILD_CHECK(token != nullptr);
  return token;
}

std::string current_tracestate() {
  char buf[256];
  const size_t n = orch_current_tracestate(buf, sizeof buf);
  return std::string(buf, n);
}

void one_span(orch_site *site) {
  orch_span s;
  api()->span_start(&s, site);
  CHILD_CHECK(s.rec != nullptr);
  api()->span_end(&s);
}

// Room for every span of a test: none may be dropped.
rt::Config roomy_config() {
  rt::Config c = test_config();
  c.batch.max_queue_size = 1 << 15;
  return c;
}

std::map<std::string, CapturedSpan> by_name(const std::vector<CapturedSpan> &spans) {
  std::map<std::string, CapturedSpan> m;
  for (const auto &s : spans) EXPECT_TRUE(m.emplace(s.name, s).second) << s.name << " exported twice";
  return m;
}

using TraceStates = std::map<std::string, std::string>;  // span name -> trace_state

TraceStates trace_states(const std::vector<CapturedSpan> &spans) {
  TraceStates m;
  for (const auto &[name, s] : by_name(spans)) m[name] = s.trace_state;
  return m;
}

TEST(TracestateSpans, EveryDescendantOfTheRemoteParentCarriesIt) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    void *token = attach(kReceived);
                    CHILD_CHECK(current_tracestate() == kCarried);
                    orch_span request, inner;
                    api()->span_start(&request, &g_request);
                    api()->span_start(&inner, &g_inner);
                    CHILD_CHECK(current_tracestate() == kCarried);
                    api()->span_end(&request);  // out of order: inner stays current
                    one_span(&g_leaf);
                    api()->span_end(&inner);
                    orch_context_detach(token);
                    CHILD_CHECK(current_tracestate().empty());
                    one_span(&g_local);  // a new trace: no tracestate
                  }),
            0);
  auto spans = by_name(h.spans());
  ASSERT_EQ(spans.size(), 4u);
  for (const char *name : {"request", "inner", "leaf"}) {
    EXPECT_EQ(spans[name].trace_state, kCarried) << name;
    EXPECT_EQ(spans[name].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736") << name;
  }
  EXPECT_EQ(spans["request"].parent_span_id, "00f067aa0ba902b7");
  EXPECT_EQ(spans["leaf"].parent_span_id, spans["inner"].span_id);
  EXPECT_EQ(spans["local"].trace_state, "");
  EXPECT_NE(spans["local"].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
}

TEST(TracestateSpans, InnerRemoteParentWinsUntilItIsDetached) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    void *outer = attach("outer=1");
                    orch_span request;
                    api()->span_start(&request, &g_request);
                    void *inner = attach("inner=2,outer=1");
                    one_span(&g_inner);
                    orch_context_detach(inner);
                    CHILD_CHECK(current_tracestate() == "outer=1");
                    one_span(&g_leaf);
                    void *plain = attach(nullptr);  // a remote parent without tracestate
                    CHILD_CHECK(current_tracestate().empty());
                    one_span(&g_local);
                    orch_context_detach(plain);
                    api()->span_end(&request);
                    orch_context_detach(outer);
                  }),
            0);
  EXPECT_EQ(trace_states(h.spans()),
            (TraceStates{{"request", "outer=1"}, {"inner", "inner=2,outer=1"}, {"leaf", "outer=1"}, {"local", ""}}));
}

TEST(TracestateSpans, InvalidTracestateAttachesTheContextWithoutIt) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    for (const char *bad : {"UPPER=case", "novalue", "a=1,a=2", ""}) {
                      void *token = attach(bad);
                      CHILD_CHECK(current_tracestate().empty());
                      one_span(&g_request);
                      orch_context_detach(token);
                    }
                    const orch_span_context invalid{};
                    CHILD_CHECK(orch_context_attach_tracestate(&invalid, "k=v", 3) == nullptr);
                    CHILD_CHECK(orch_context_attach_tracestate(nullptr, "k=v", 3) == nullptr);
                    void *token = attach("k=v");
                    char small[3];
                    CHILD_CHECK(orch_current_tracestate(small, sizeof small) == 0);  // no room for the NUL
                    CHILD_CHECK(orch_current_tracestate(nullptr, 16) == 0);
                    orch_context_detach(token);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 4u);
  for (const auto &s : spans) {
    EXPECT_EQ(s.trace_state, "");
    EXPECT_EQ(s.parent_span_id, "00f067aa0ba902b7");
  }
}

// The header text, the remote frame and (for `open`) the frame detached while
// its span was open are all freed before the exporter reads the spans.
TEST(TracestateSpans, QueuedSpansOutliveTheirDetachedContextAndTheHeader) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    RuntimeHarness::hold_exports = true;
                    auto *header = new std::string("vendor=short-lived");
                    void *token = attach(header->c_str());
                    one_span(&g_request);
                    orch_span open;
                    api()->span_start(&open, &g_inner);
                    orch_context_detach(token);  // not innermost: freed when `open` ends
                    std::memset(header->data(), 'x', header->size());
                    delete header;
                    api()->span_end(&open);
                    one_span(&g_local);
                    RuntimeHarness::hold_exports = false;
                    CHILD_CHECK(orch_flush(10000) == 1);
                  }),
            0);
  EXPECT_EQ(trace_states(h.spans()),
            (TraceStates{{"request", "vendor=short-lived"}, {"inner", "vendor=short-lived"}, {"local", ""}}));
}

// A span that ends on another thread (a resumed coroutine) hands its reference
// to the exporter while it stays the parent on its own thread: spans started
// under it meanwhile take theirs from the string its remote frame still holds.
TEST(TracestateSpans, SpanEndedOnAnotherThreadStillParentsWithItsTracestate) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(roomy_config(),
                  [] {
                    void *token = attach("moved=1");
                    orch_span moved;
                    api()->span_start(&moved, &g_request);
                    std::thread other([&] {
                      api()->span_end(&moved);
                      CHILD_CHECK(orch_flush(10000) == 1);
                    });
                    for (int i = 0; i < 2000; ++i) one_span(&g_leaf);
                    other.join();
                    CHILD_CHECK(orch_flush(10000) == 1);
                    CHILD_CHECK(current_tracestate() == "moved=1");
                    orch_context_detach(token);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2001u);
  for (const auto &s : spans) ASSERT_EQ(s.trace_state, "moved=1") << s.name;
}

// Many threads, each under its own remote parent, end spans while the exporter
// releases the strings of earlier ones: the reference counts under TSan.
TEST(TracestateSpans, ThreadsShareNothingButTheExporter) {
  RuntimeHarness h;
  constexpr int kThreads = 4, kSpans = 500;
  ASSERT_EQ(h.run(roomy_config(),
                  [] {
                    std::vector<std::thread> threads;
                    for (int t = 0; t < kThreads; ++t)
                      threads.emplace_back([t] {
                        const std::string state = "thread=" + std::to_string(t);
                        for (int i = 0; i < kSpans; ++i) {
                          void *token = attach(state.c_str());
                          orch_span request;
                          api()->span_start(&request, &g_request);
                          one_span(&g_leaf);
                          orch_context_detach(token);  // before the span ends
                          api()->span_end(&request);
                        }
                      });
                    for (auto &t : threads) t.join();
                    CHILD_CHECK(orch_flush(10000) == 1);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), static_cast<size_t>(kThreads * kSpans * 2));
  std::map<std::string, int> per_state;
  for (const auto &s : spans) ++per_state[s.trace_state];
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(per_state["thread=" + std::to_string(t)], kSpans * 2);
}

}  // namespace
}  // namespace orch::test
