// A context captured on one thread and attached on another, through the C ABI
// (orch_api_v1::context_*), each test in a child process with a fresh runtime
// (runtime_harness.h).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "core/runtime.h"
#include "runtime_harness.h"

namespace orch::test {
namespace {

orch_site g_root = make_site("root");
orch_site g_child = make_site("child");
orch_site g_local = make_site("local");
// Sites live as long as the program: the exporter reads them.
orch_site g_a = make_site("under-outer");
orch_site g_b = make_site("under-inner");
orch_site g_c = make_site("under-outer-again");
orch_site g_open = make_site("open-at-detach");
orch_site g_d = make_site("under-local");

orch_captured_context capture() {
  orch_captured_context c;
  api()->context_capture(&c);
  return c;
}

// On a new thread: attach `c`, start and end a span named by `site`, detach.
void span_on_thread(const orch_captured_context &c, orch_site *site) {
  std::thread([&] {
    void *token = api()->context_attach(&c);
    CHILD_CHECK(token != nullptr);
    orch_span s;
    api()->span_start(&s, site);
    if (s.rec) api()->span_end(&s);
    api()->context_detach(token);
    orch_span_context cur;
    CHILD_CHECK(orch_current_context(&cur) == 0);
  }).join();
}

bool empty(const orch_captured_context &c) {
  static const orch_captured_context zero{};
  return c.state == nullptr && std::memcmp(&c.span, &zero.span, sizeof zero.span) == 0;
}

TEST(ContextHandoff, SpanOnAnotherThreadIsALocalChildOfTheCapturedSpan) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context c = capture();
                    CHILD_CHECK(c.state != nullptr && c.span.is_remote == 0 && (c.span.trace_flags & 1));
                    span_on_thread(c, &g_child);
                    api()->context_release(&c);
                    CHILD_CHECK(empty(c));
                    api()->span_end(&root);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  const CapturedSpan &root = named(spans, "root"), &child = named(spans, "child");
  EXPECT_EQ(child.trace_id, root.trace_id);
  EXPECT_EQ(child.parent_span_id, root.span_id);
  EXPECT_EQ(child.flags, 1);
}

TEST(ContextHandoff, CapturedContextOutlivesItsSpanAndCopies) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context c = capture(), copy;
                    api()->span_end(&root);
                    api()->context_copy(&copy, &c);
                    api()->context_release(&c);
                    span_on_thread(copy, &g_child);  // the thread starts after the span ended
                    api()->context_release(&copy);
                    api()->context_release(&copy);  // released twice: harmless
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(named(spans, "child").parent_span_id, named(spans, "root").span_id);
  EXPECT_EQ(named(spans, "child").trace_id, named(spans, "root").trace_id);
}

// A root dropped by the ratio sampler: the thread's spans are dropped too,
// under both the plain and the parent-based ratio sampler.
void expect_sampled_out_children(rt::SamplerKind sampler) {
  RuntimeHarness h;
  rt::Config config = test_config();
  config.sampler = sampler;
  config.sampler_ratio = 0.0;
  ASSERT_EQ(h.run(config,
                  [] {
                    orch_span root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context c = capture();
                    CHILD_CHECK(c.state != nullptr && (c.span.trace_flags & 1) == 0);
                    std::thread([&] {
                      void *token = api()->context_attach(&c);
                      CHILD_CHECK(token != nullptr);
                      orch_span s;
                      api()->span_start(&s, &g_child);
                      CHILD_CHECK(s.rec == nullptr);
                      orch_span_context cur;
                      CHILD_CHECK(orch_current_context(&cur) == 1 && (cur.trace_flags & 1) == 0 && !cur.is_remote);
                      CHILD_CHECK(std::memcmp(cur.trace_id, c.span.trace_id, 16) == 0);
                      api()->context_detach(token);
                    }).join();
                    api()->context_release(&c);
                    api()->span_end(&root);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

TEST(ContextHandoff, SampledOutParentGivesSampledOutChildren) {
  expect_sampled_out_children(rt::SamplerKind::TraceIdRatio);
  expect_sampled_out_children(rt::SamplerKind::ParentBasedTraceIdRatio);
}

TEST(ContextHandoff, NothingToCaptureWithoutACurrentSpan) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_captured_context c;
                    std::memset(&c, 0xAB, sizeof c);
                    api()->context_capture(&c);
                    CHILD_CHECK(empty(c));
                    CHILD_CHECK(api()->context_attach(&c) == nullptr);
                    api()->context_detach(nullptr);
                    orch_captured_context copy;
                    api()->context_copy(&copy, &c);
                    CHILD_CHECK(empty(copy));
                    api()->context_release(&c);
                    std::thread([] {
                      orch_span s;
                      api()->span_start(&s, &g_child);
                      api()->span_end(&s);
                    }).join();
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].parent_span_id, "0000000000000000");
}

// A captured remote parent stays remote: the parent-based sampler treats it as
// one, and its tracestate goes with it.
TEST(ContextHandoff, CapturedRemoteParentStaysRemoteWithItsTracestate) {
  RuntimeHarness h;
  rt::Config config = test_config();
  config.sampler = rt::SamplerKind::ParentBasedAlwaysOff;
  ASSERT_EQ(h.run(config,
                  [] {
                    const char *traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
                    orch_span_context remote;
                    CHILD_CHECK(orch_traceparent_parse(traceparent, 55, &remote));
                    void *remote_token = orch_context_attach_tracestate(&remote, "rojo=1", 6);
                    orch_captured_context c = capture();
                    orch_context_detach(remote_token);
                    CHILD_CHECK(c.span.is_remote == 1);
                    span_on_thread(c, &g_child);
                    api()->context_release(&c);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(spans[0].parent_span_id, "00f067aa0ba902b7");
  EXPECT_EQ(spans[0].trace_state, "rojo=1");
}

// The thread's own span, an attached context above it, another inside that:
// each detach gives the enclosing parent back, also when a span started under
// the context is still open at the detach.
TEST(ContextHandoff, AttachNestsWithTheThreadsOwnSpans) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root, inner_root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context outer = capture();
                    api()->span_start(&inner_root, &g_child);
                    orch_captured_context inner = capture();
                    api()->span_end(&inner_root);
                    api()->span_end(&root);
                    std::thread([&] {
                      orch_span local, a, b, c, open, d;
                      api()->span_start(&local, &g_local);
                      void *t1 = api()->context_attach(&outer);
                      api()->span_start(&a, &g_a);
                      api()->span_end(&a);
                      void *t2 = api()->context_attach(&inner);
                      api()->span_start(&b, &g_b);
                      api()->span_end(&b);
                      api()->context_detach(t2);
                      api()->span_start(&c, &g_c);
                      api()->span_end(&c);
                      api()->span_start(&open, &g_open);
                      api()->context_detach(t1);  // not innermost: goes when `open` ends
                      api()->span_end(&open);
                      api()->span_start(&d, &g_d);
                      api()->span_end(&d);
                      api()->span_end(&local);
                    }).join();
                    api()->context_release(&outer);
                    api()->context_release(&inner);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 8u);
  const std::string root = named(spans, "root").span_id, inner = named(spans, "child").span_id,
                    local = named(spans, "local").span_id;
  EXPECT_EQ(named(spans, "under-outer").parent_span_id, root);
  EXPECT_EQ(named(spans, "under-inner").parent_span_id, inner);
  EXPECT_EQ(named(spans, "under-outer-again").parent_span_id, root);
  EXPECT_EQ(named(spans, "open-at-detach").parent_span_id, root);
  EXPECT_EQ(named(spans, "under-local").parent_span_id, local);
  EXPECT_EQ(named(spans, "under-local").trace_id, named(spans, "local").trace_id);
  EXPECT_NE(named(spans, "local").trace_id, named(spans, "root").trace_id);
}

// The frame goes with the thread (ASan's leak check sees it in the sanitizer build).
TEST(ContextHandoff, ThreadExitsWithTheContextStillAttached) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context c = capture();
                    for (int i = 0; i < 100; ++i) {
                      std::thread([&] {
                        CHILD_CHECK(api()->context_attach(&c) != nullptr);
                        CHILD_CHECK(api()->context_attach(&c) != nullptr);
                      }).join();
                    }
                    api()->context_release(&c);
                    api()->span_end(&root);
                    // The root is still the main thread's context.
                    orch_span child;
                    api()->span_start(&child, &g_child);
                    api()->span_end(&child);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(named(spans, "child").parent_span_id, "0000000000000000");
}

TEST(ContextHandoff, DisabledRuntimeCapturesNothing) {
  RuntimeHarness h;
  rt::Config config = test_config();
  config.disabled = true;
  ASSERT_EQ(h.run(config,
                  [] {
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    orch_captured_context c = capture();
                    CHILD_CHECK(empty(c));
                    CHILD_CHECK(api()->context_attach(&c) == nullptr);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

// Once recording stops (as at the exit flush), a context captured before
// attaches nothing, and a new capture yields nothing.
TEST(ContextHandoff, NothingAttachedOnceRecordingIsOff) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root;
                    api()->span_start(&root, &g_root);
                    orch_captured_context c = capture();
                    CHILD_CHECK(c.state != nullptr);
                    rt::g_hot.set_off(true);
                    orch_captured_context late = capture();
                    CHILD_CHECK(empty(late));
                    std::thread([&] { CHILD_CHECK(api()->context_attach(&c) == nullptr); }).join();
                    api()->context_release(&c);
                    api()->span_end(&root);
                  }),
            0);
}

}  // namespace
}  // namespace orch::test
