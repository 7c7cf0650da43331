// Behaviour of the whole runtime through the C ABI, each test in a child
// process with a fresh runtime (see runtime_harness.h).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>
#include <thread>
#include <typeinfo>
#include <vector>

#include "orch/stats.h"
#include "runtime_harness.h"

namespace orch::test {
namespace {

orch_site g_root = make_site("root");
orch_site g_child = make_site("child");
orch_site g_leaf = make_site("leaf");

void one_span(orch_site *site) {
  orch_span s;
  api()->span_start(&s, site);
  if (s.rec) api()->span_end(&s);
}

std::map<std::string, const CapturedSpan *> by_span_id(const std::vector<CapturedSpan> &spans) {
  std::map<std::string, const CapturedSpan *> m;
  for (const auto &s : spans) m[s.span_id] = &s;
  return m;
}

TEST(Runtime, ParentChildAndAttributes) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span root, child;
                    api()->span_start(&root, &g_root);
                    api()->attr_i64(&root, "n", -42);
                    api()->attr_f64(&root, "ratio", 0.5);
                    api()->attr_bool(&root, "ok", 1);
                    api()->attr_str(&root, "who", "world", 5);
                    api()->attr_str(&root, "absent", nullptr, 0);
                    api()->span_start(&child, &g_child);
                    api()->set_error(&child, "bad input");
                    api()->span_end(&child);
                    api()->span_end(&root);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  const CapturedSpan &child = spans[0].name == "child" ? spans[0] : spans[1];
  const CapturedSpan &root = spans[0].name == "root" ? spans[0] : spans[1];
  EXPECT_EQ(root.parent_span_id, "0000000000000000");
  EXPECT_EQ(child.parent_span_id, root.span_id);
  EXPECT_EQ(child.trace_id, root.trace_id);
  EXPECT_NE(child.span_id, root.span_id);
  EXPECT_EQ(root.flags, 1);
  EXPECT_LE(root.start, child.start);
  EXPECT_LE(child.end, root.end);
  EXPECT_GT(root.start, 1600000000000000000ull) << "Unix nanoseconds";
  EXPECT_EQ(root.attrs.at("n"), "-42");
  EXPECT_EQ(root.attrs.at("ratio"), "0.500000");
  EXPECT_EQ(root.attrs.at("ok"), "true");
  EXPECT_EQ(root.attrs.at("who"), "\"world\"");
  EXPECT_EQ(root.attrs.count("absent"), 0u);
  EXPECT_EQ(root.attrs.at("code.function.name"), "\"root\"");
  EXPECT_EQ(root.attrs.at("code.file.path"), "\"test.cpp\"");
  EXPECT_EQ(root.attrs.at("code.line.number"), "7");
  EXPECT_EQ(child.status, 2);
  EXPECT_EQ(root.status, 0);
}

TEST(Runtime, StaticAttributesKindAndOverwrittenKeys) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    static const char *const statics[] = {"db.system", "sqlite", "peer", "a"};
                    static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_CLIENT, "q", "ns::q", "q.cpp", 3, 2, statics,
                                             nullptr, 0};
                    orch_span s;
                    api()->span_start(&s, &site);
                    api()->attr_str(&s, "peer", "b", 1);  // overrides the static value
                    api()->attr_i64(&s, "x", 1);
                    api()->attr_i64(&s, "x", 2);  // last value wins
                    api()->span_end(&s);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].attrs.at("db.system"), "\"sqlite\"");
  EXPECT_EQ(spans[0].attrs.at("peer"), "\"b\"");
  EXPECT_EQ(spans[0].attrs.at("x"), "2");
  EXPECT_EQ(spans[0].attr_order.size(), 6u);
  EXPECT_EQ(spans[0].attrs.at("code.function.name"), "\"ns::q\"");
}

TEST(Runtime, ManyAndLongAttributesSpillOutOfTheRecord) {
  RuntimeHarness h;
  std::string long_value(300, 'v');
  ASSERT_EQ(h.run(test_config(),
                  [&] {
                    static const char *keys[] = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"};
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    for (int i = 0; i < 10; ++i) api()->attr_i64(&s, keys[i], i);
                    api()->attr_str(&s, "long", long_value.data(), long_value.size());
                    api()->span_end(&s);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].attrs.at("k9"), "9");
  EXPECT_EQ(spans[0].attrs.at("long"), "\"" + long_value + "\"");
  EXPECT_EQ(spans[0].dropped_attributes, 0u);
}

TEST(Runtime, AttributeCountAndLengthLimits) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.limits.attribute_count = 5;  // code.* take 3
  c.limits.attribute_value_length = 4;
  ASSERT_EQ(h.run(c,
                  [] {
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    api()->attr_str(&s, "s", "h\xc3\xa9llo", 6);  // "héllo": the cut must not split é
                    api()->attr_str(&s, "t", "abcdef", 6);
                    api()->attr_i64(&s, "a", 1);
                    api()->attr_i64(&s, "b", 2);
                    api()->span_end(&s);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].attr_order.size(), 5u);
  EXPECT_EQ(spans[0].attrs.at("s"), "\"h\xc3\xa9l\"");
  EXPECT_EQ(spans[0].attrs.at("t"), "\"abcd\"");
  EXPECT_EQ(spans[0].dropped_attributes, 2u);
}

TEST(Runtime, ExceptionEventWithDemangledType) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    api()->exception(&s, typeid(std::out_of_range).name(), "index 7");
                    api()->exception(&s, "i", nullptr);  // mangled `int`, no message
                    api()->span_end(&s);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].status, 2);
  ASSERT_EQ(spans[0].events.size(), 2u);
  EXPECT_EQ(spans[0].events[0], "exception exception.type=\"std::out_of_range\" exception.message=\"index 7\"");
  EXPECT_EQ(spans[0].events[1], "exception exception.type=\"int\"");
}

TEST(Runtime, ManyThreadsLoseNothingBelowTheQueueLimit) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.max_queue_size = 1 << 16;
  constexpr int kThreads = 16, kRoots = 300;
  ASSERT_EQ(h.run(c,
                  [] {
                    std::vector<std::thread> threads;
                    for (int t = 0; t < kThreads; ++t)
                      threads.emplace_back([] {
                        for (int i = 0; i < kRoots; ++i) {
                          orch_span root;
                          api()->span_start(&root, &g_root);
                          one_span(&g_child);
                          api()->span_end(&root);
                        }
                      });
                    for (auto &t : threads) t.join();
                    CHILD_CHECK(orch_flush(10000) == 1);
                    orch_stats st{};
                    orch_stats_get(&st, sizeof st);
                    CHILD_CHECK(st.spans_dropped == 0);
                    CHILD_CHECK(st.spans_exported == 2u * kThreads * kRoots);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u * kThreads * kRoots);
  auto ids = by_span_id(spans);
  EXPECT_EQ(ids.size(), spans.size()) << "span ids are unique";
  std::set<std::string> traces;
  for (const auto &s : spans) {
    if (s.name == "child") {
      ASSERT_TRUE(ids.count(s.parent_span_id));
      EXPECT_EQ(ids[s.parent_span_id]->trace_id, s.trace_id);
    } else {
      traces.insert(s.trace_id);
    }
  }
  EXPECT_EQ(traces.size(), static_cast<size_t>(kThreads * kRoots));
}

TEST(Runtime, ThreadsThatExitWithBufferedSpansLoseNothing) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.schedule_delay_ms = 60000;  // nothing is exported before the threads are gone
  ASSERT_EQ(h.run(c,
                  [] {
                    for (int round = 0; round < 20; ++round) {
                      std::thread([] {
                        for (int i = 0; i < 5; ++i) one_span(&g_leaf);
                      }).join();
                    }
                    CHILD_CHECK(orch_flush(10000) == 1);
                  }),
            0);
  EXPECT_EQ(h.spans().size(), 100u);
}

TEST(Runtime, DeepRecursion) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.max_queue_size = 1 << 15;
  constexpr int kDepth = 10000;
  ASSERT_EQ(h.run(c,
                  [] {
                    std::vector<orch_span> stack(kDepth);
                    for (auto &s : stack) api()->span_start(&s, &g_leaf);
                    for (auto it = stack.rbegin(); it != stack.rend(); ++it) api()->span_end(&*it);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), static_cast<size_t>(kDepth));
  auto ids = by_span_id(spans);
  // Walk from the deepest span to the root.
  const CapturedSpan *s = &spans.front();
  int depth = 1;
  while (s->parent_span_id != "0000000000000000") {
    ASSERT_TRUE(ids.count(s->parent_span_id));
    s = ids[s->parent_span_id];
    ++depth;
  }
  EXPECT_EQ(depth, kDepth);
}

TEST(Runtime, FullQueueDropsAndCounts) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.max_queue_size = 256;
  c.batch.max_export_batch_size = 64;
  constexpr int kSpans = 5000;
  ASSERT_EQ(h.run(c,
                  [] {
                    RuntimeHarness::hold_exports = true;  // the exporter is stuck
                    for (int i = 0; i < kSpans; ++i) one_span(&g_leaf);
                    orch_stats st{};
                    orch_stats_get(&st, sizeof st);
                    CHILD_CHECK(st.spans_dropped > 0);
                    CHILD_CHECK(st.spans_published + st.spans_dropped == kSpans);
                    // Bounded: the queue limit plus the exporter's batch in hand and the thread's open chunk.
                    CHILD_CHECK(st.spans_published <= 256 + 64 + 32);
                    RuntimeHarness::hold_exports = false;
                    CHILD_CHECK(orch_flush(10000) == 1);
                    orch_stats_get(&st, sizeof st);
                    CHILD_CHECK(st.spans_exported == st.spans_published);
                  }),
            0);
  EXPECT_GT(h.spans().size(), 0u);
  EXPECT_LT(h.spans().size(), static_cast<size_t>(kSpans));
}

TEST(Runtime, ExitFlushesWithoutAnExplicitFlush) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.schedule_delay_ms = 60000;
  ASSERT_EQ(h.run(c,
                  [] {
                    for (int i = 0; i < 1000; ++i) one_span(&g_leaf);
                    // A span still open when exit() is called is ended by the exit flush.
                    static orch_span open;
                    api()->span_start(&open, &g_root);
                  }),
            0);
  auto spans = h.spans();
  EXPECT_EQ(spans.size(), 1001u);
  EXPECT_EQ(spans.back().name, "root");
}

// exit() called below an open span whose attributes overflowed into an
// extension, and the span ended afterwards (by an atexit handler registered
// before the runtime's, which therefore runs after it): the exit flush exports
// the span once and gives its extension to the queue, so the late span_end
// must not free it again.
TEST(Runtime, SpanEndedAfterTheExitFlushFreesNothingTwice) {
  RuntimeHarness h;
  static orch_span open;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    std::atexit([] { api()->span_end(&open); });
                    one_span(&g_leaf);  // starts the exporter, which registers the runtime's handler
                    orch_flush(10000);
                    api()->span_start(&open, &g_root);
                    static const char *const keys[] = {"k0", "k1", "k2", "k3", "k4", "k5"};
                    for (int i = 0; i < 6; ++i) api()->attr_i64(&open, keys[i], i);
                    api()->attr_str(&open, "text", "beyond the inline slots", 23);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans.back().name, "root");
  EXPECT_EQ(spans.back().attrs["k5"], "5");
  EXPECT_EQ(spans.back().attrs["text"], "\"beyond the inline slots\"");
}

TEST(Runtime, ExitReportsDroppedSpansOnStderr) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.max_queue_size = 64;
  c.batch.max_export_batch_size = 32;
  std::string err;
  int status = h.run_capturing_stderr(c,
                                      [&] {
                                        RuntimeHarness::hold_exports = true;
                                        for (int i = 0; i < 1000; ++i) one_span(&g_leaf);
                                        RuntimeHarness::hold_exports = false;
                                      },
                                      err);
  EXPECT_EQ(status, 0);
  EXPECT_NE(err.find("spans dropped: queue full (OTEL_BSP_MAX_QUEUE_SIZE=64)"), std::string::npos) << err;
  EXPECT_EQ(err.find("dropped"), err.rfind("dropped")) << "reported once: " << err;
}

// The numbers of one ORCH_STATS_FILE line, by name.
std::map<std::string, uint64_t> stats_of(const std::string &line) {
  static const std::regex field(R"re("(\w+)":([0-9]+))re");
  std::map<std::string, uint64_t> numbers;
  for (auto m = std::sregex_iterator(line.begin(), line.end(), field); m != std::sregex_iterator(); ++m)
    numbers[(*m)[1]] = std::stoull((*m)[2]);
  return numbers;
}

// The counters of the exit's stderr lines, for tools: one JSON line per
// process, a forked child's beside its parent's.
TEST(Runtime, ExitAppendsTheCountersToTheStatsFile) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.max_queue_size = 64;
  c.batch.max_export_batch_size = 32;
  c.stats_file = ::testing::TempDir() + "orch-stats-" + std::to_string(getpid()) + ".jsonl";
  std::remove(c.stats_file.c_str());
  ASSERT_EQ(h.run(c,
                  [] {
                    pid_t pid = fork();
                    if (pid == 0) {
                      one_span(&g_child);
                      std::exit(0);
                    }
                    int st = 0;
                    waitpid(pid, &st, 0);
                    CHILD_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
                    RuntimeHarness::hold_exports = true;
                    for (int i = 0; i < 1000; ++i) one_span(&g_leaf);
                    RuntimeHarness::hold_exports = false;
                  }),
            0);
  std::vector<std::string> lines;
  std::ifstream in(c.stats_file);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::remove(c.stats_file.c_str());
  ASSERT_EQ(lines.size(), 2u);
  auto child = stats_of(lines[0]), parent = stats_of(lines[1]);
  EXPECT_NE(child["pid"], parent["pid"]);
  EXPECT_EQ(child, (std::map<std::string, uint64_t>{{"pid", child["pid"]},
                                                     {"spans_published", 1},
                                                     {"spans_dropped", 0},
                                                     {"spans_exported", 1},
                                                     {"spans_export_failed", 0},
                                                     {"spans_rejected", 0}}))
      << lines[0];
  EXPECT_GT(parent["spans_dropped"], 0u) << lines[1];
  EXPECT_EQ(parent["spans_published"] + parent["spans_dropped"], 1000u) << lines[1];
  EXPECT_EQ(parent["spans_exported"], parent["spans_published"]) << lines[1];
  EXPECT_EQ(parent["spans_export_failed"] + parent["spans_rejected"], 0u) << lines[1];
}

TEST(Runtime, ForkChildGetsItsOwnRuntimeAndParentSpansAreNotSentTwice) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.batch.schedule_delay_ms = 60000;
  ASSERT_EQ(h.run(c,
                  [] {
                    orch_span outer;
                    api()->span_start(&outer, &g_root);
                    for (int i = 0; i < 10; ++i) one_span(&g_leaf);  // buffered in the parent at fork
                    pid_t pid = fork();
                    if (pid == 0) {
                      for (int i = 0; i < 3; ++i) one_span(&g_child);
                      api()->span_end(&outer);  // the parent's span: not exported by the child
                      std::exit(orch_flush(10000) == 1 ? 0 : 4);
                    }
                    int st = 0;
                    waitpid(pid, &st, 0);
                    CHILD_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
                    api()->span_end(&outer);
                  }),
            0);
  auto spans = h.spans();
  std::map<int, std::multiset<std::string>> names_by_pid;
  for (const auto &s : spans) names_by_pid[s.pid].insert(s.name);
  ASSERT_EQ(names_by_pid.size(), 2u);
  const auto &parent = names_by_pid.begin()->second.count("root") ? names_by_pid.begin()->second
                                                                  : names_by_pid.rbegin()->second;
  const auto &child = names_by_pid.begin()->second.count("root") ? names_by_pid.rbegin()->second
                                                                 : names_by_pid.begin()->second;
  EXPECT_EQ(parent.count("leaf"), 10u);
  EXPECT_EQ(parent.count("root"), 1u);
  EXPECT_EQ(parent.count("child"), 0u);
  EXPECT_EQ(child.count("child"), 3u);
  EXPECT_EQ(child.size(), 3u);
  // The child's spans are children of the span that was open at fork().
  auto ids = by_span_id(spans);
  for (const auto &s : spans)
    if (s.name == "child") EXPECT_EQ(ids.at(s.parent_span_id)->name, "root");
}

TEST(Runtime, SdkDisabledRecordsNothing) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.disabled = true;
  ASSERT_EQ(h.run(c,
                  [] {
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    CHILD_CHECK(s.rec == nullptr);
                    CHILD_CHECK(s.api == api());
                    orch_span_context ctx;
                    CHILD_CHECK(orch_current_context(&ctx) == 0);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

// Under `config`, span_start hands out no record and nothing is exported.
void expect_no_record(const rt::Config &config) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(config,
                  [] {
                    orch_span s;
                    api()->span_start(&s, &g_root);
                    CHILD_CHECK(s.rec == nullptr);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

TEST(Runtime, NoneExporterRecordsNothing) {
  rt::Config c = test_config();
  c.exporters.clear();
  expect_no_record(c);
}

TEST(Runtime, RatioDroppedRootKeepsItsTraceForDescendants) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.sampler = rt::SamplerKind::TraceIdRatio;
  c.sampler_ratio = 0.0;
  ASSERT_EQ(h.run(c,
                  [] {
                    orch_span root, child;
                    api()->span_start(&root, &g_root);
                    CHILD_CHECK(root.rec != nullptr);  // non-recording: carries the context
                    orch_span_context ctx;
                    CHILD_CHECK(orch_current_context(&ctx) == 1);
                    CHILD_CHECK(ctx.trace_flags == 0);
                    api()->attr_i64(&root, "ignored", 1);
                    api()->span_start(&child, &g_child);
                    CHILD_CHECK(child.rec == nullptr);
                    api()->span_end(&root);
                    CHILD_CHECK(orch_current_context(&ctx) == 0);
                  }),
            0);
  EXPECT_TRUE(h.spans().empty());
}

TEST(Runtime, AlwaysOffReturnsNoRecord) {
  rt::Config c = test_config();
  c.sampler = rt::SamplerKind::AlwaysOff;
  expect_no_record(c);
}

TEST(Runtime, RemoteParentFromTraceparent) {
  RuntimeHarness h;
  rt::Config c = test_config();
  c.sampler = rt::SamplerKind::ParentBasedAlwaysOff;  // only a sampled remote parent samples
  ASSERT_EQ(h.run(c,
                  [] {
                    const char *sampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
                    const char *unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
                    orch_span_context remote;
                    CHILD_CHECK(orch_traceparent_parse(sampled, 55, &remote));
                    void *token = orch_context_attach(&remote);
                    CHILD_CHECK(token != nullptr);
                    orch_span s;
                    api()->span_start(&s, &g_child);
                    CHILD_CHECK(s.rec != nullptr);
                    orch_span_context cur;
                    CHILD_CHECK(orch_current_context(&cur) == 1 && !cur.is_remote);
                    char header[64];
                    CHILD_CHECK(orch_traceparent_format(&cur, header, sizeof header) == 55);
                    CHILD_CHECK(std::strncmp(header, "00-4bf92f3577b34da6a3ce929d0e0e4736-", 36) == 0);
                    api()->span_end(&s);
                    orch_context_detach(token);
                    CHILD_CHECK(orch_current_context(&cur) == 0);

                    CHILD_CHECK(orch_traceparent_parse(unsampled, 55, &remote));
                    token = orch_context_attach(&remote);
                    api()->span_start(&s, &g_leaf);
                    CHILD_CHECK(s.rec == nullptr);
                    orch_context_detach(token);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(spans[0].parent_span_id, "00f067aa0ba902b7");
}

// Under an unsampled remote parent, a parentbased_* sampler drops the span
// (span_start decides that without the sampler) and any other sampler decides
// itself; on a thread with spare Records (after a recorded span) as without.
TEST(Runtime, OnlyParentBasedSamplersDropSpansUnderAnUnsampledParent) {
  for (rt::SamplerKind kind : {rt::SamplerKind::ParentBasedAlwaysOn, rt::SamplerKind::AlwaysOn}) {
    SCOPED_TRACE(static_cast<int>(kind));
    RuntimeHarness h;
    rt::Config c = test_config();
    c.sampler = kind;
    const bool follows = kind == rt::SamplerKind::ParentBasedAlwaysOn;
    ASSERT_EQ(h.run(c,
                    [follows] {
                      const char *unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
                      orch_span_context remote;
                      CHILD_CHECK(orch_traceparent_parse(unsampled, 55, &remote));
                      for (int warm = 0; warm < 2; ++warm) {
                        void *token = orch_context_attach(&remote);
                        orch_span s;
                        api()->span_start(&s, &g_child);
                        CHILD_CHECK((s.rec == nullptr) == follows);
                        if (s.rec) api()->span_end(&s);
                        orch_context_detach(token);
                        orch_span root;
                        api()->span_start(&root, &g_root);
                        CHILD_CHECK(root.rec != nullptr);
                        api()->span_end(&root);
                      }
                    }),
              0);
    auto spans = h.spans();
    ASSERT_EQ(spans.size(), follows ? 2u : 4u);
    for (const auto &span : spans)
      if (span.name == "child") EXPECT_EQ(span.parent_span_id, "00f067aa0ba902b7");
  }
}

TEST(Runtime, SpansEndedOutOfOrderRestoreTheirParent) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span a, b;
                    api()->span_start(&a, &g_root);
                    api()->span_start(&b, &g_child);
                    api()->span_end(&a);  // not innermost: b stays current
                    orch_span c;
                    api()->span_start(&c, &g_leaf);
                    api()->span_end(&c);
                    api()->span_end(&b);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 3u);
  auto ids = by_span_id(spans);
  for (const auto &s : spans)
    if (s.name == "leaf") EXPECT_EQ(ids.at(s.parent_span_id)->name, "child");
}

TEST(Runtime, SpanEndedOnAnotherThread) {
  RuntimeHarness h;
  ASSERT_EQ(h.run(test_config(),
                  [] {
                    orch_span moved;
                    api()->span_start(&moved, &g_root);
                    std::thread([&] { api()->span_end(&moved); }).join();  // as a resumed coroutine would
                    one_span(&g_leaf);                                      // its parent: the ended span
                    orch_span s;
                    api()->span_start(&s, &g_child);
                    api()->span_end(&s);
                  }),
            0);
  auto spans = h.spans();
  ASSERT_EQ(spans.size(), 3u);
  std::set<std::string> ids;
  for (const auto &s : spans) ids.insert(s.span_id);
  EXPECT_EQ(ids.size(), 3u) << "the moved span's Record was not reused";
}

}  // namespace
}  // namespace orch::test
