// orch::weave::with_context with the standard library's ways of running work
// elsewhere, against liborch_runtime.so as woven programs reach it. Built
// twice: as C++11 (the oldest standard the wrapper supports) and as C++20.
// Inside the wrapped callable, the thread's current context must be the span
// that was current where with_context was called; after it, none.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "orch/weave.h"

namespace {

using orch::weave::with_context;

orch_site g_outer = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "outer", "outer", __FILE__, __LINE__, 0, nullptr, nullptr, 0};
orch_site g_other = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "other", "other", __FILE__, __LINE__, 0, nullptr, nullptr, 0};

// The calling thread's current context as a traceparent; "" when none.
std::string current() {
  orch_span_context ctx;
  if (!orch_current_context(&ctx)) return "";
  char buf[64];
  return orch_traceparent_format(&ctx, buf, sizeof buf) ? std::string(buf) : "?";
}

// Opens a span for the test's lifetime and remembers its context.
struct Outer {
  Outer() : span(&g_outer), context(current()) {}
  orch::weave::ScopedSpan span;
  const std::string context;
};

std::string seen_context() { return current(); }

TEST(WithContext, StdThread) {
  Outer outer;
  ASSERT_FALSE(outer.context.empty());
  std::string seen;
  std::thread t(with_context([&](int n) {
                  EXPECT_EQ(n, 7);
                  seen = current();
                }),
                7);
  t.join();
  EXPECT_EQ(seen, outer.context);
  EXPECT_EQ(current(), outer.context);
}

TEST(WithContext, WorkerThreadHasNoContextAfterTheCall) {
  Outer outer;
  std::string inside, after;
  std::thread([&] {
    auto task = with_context(seen_context);  // captured on this thread: nothing
    std::thread([&] {
      inside = with_context(seen_context)();  // captured here: nothing either
    }).join();
    after = task();
  }).join();
  EXPECT_EQ(inside, "");
  EXPECT_EQ(after, "");
  auto task = with_context(seen_context);
  std::string detached;
  std::thread([&] {
    inside = task();
    detached = current();
  }).join();
  EXPECT_EQ(inside, outer.context);
  EXPECT_EQ(detached, "");
}

TEST(WithContext, StdAsyncBothPolicies) {
  std::future<std::string> async, deferred;
  std::string outer_context;
  {
    Outer outer;
    outer_context = outer.context;
    async = std::async(std::launch::async, with_context(seen_context));
    deferred = std::async(std::launch::deferred, with_context(seen_context));
  }
  EXPECT_EQ(async.get(), outer_context);
  orch::weave::ScopedSpan other(&g_other);
  const std::string other_context = current();
  EXPECT_EQ(deferred.get(), outer_context) << "deferred: runs here, under the captured context";
  EXPECT_EQ(current(), other_context) << "and gives this thread's own context back";
}

TEST(WithContext, PackagedTask) {
  Outer outer;
  std::packaged_task<std::string()> task(with_context(seen_context));
  std::future<std::string> result = task.get_future();
  std::thread(std::move(task)).join();
  EXPECT_EQ(result.get(), outer.context);
}

// A pool that keeps copies: the copies outlive the original and the span.
TEST(WithContext, StdFunctionCopies) {
  std::vector<std::function<std::string()>> queue;
  std::string outer_context;
  {
    Outer outer;
    outer_context = outer.context;
    std::function<std::string()> f = with_context(seen_context);
    queue.push_back(f);
    queue.push_back(f);
    std::function<std::string()> moved(std::move(f));
    queue.push_back(moved);
  }
  std::vector<std::string> seen;
  std::thread([&] {
    for (size_t i = 0; i < queue.size(); ++i) seen.push_back(queue[i]());
    seen.push_back(queue[0]());  // called again
  }).join();
  ASSERT_EQ(seen.size(), 4u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], outer_context) << i;
}

struct Counter {
  int value;
  std::string context;
  int add(int n) {
    context = current();
    return value += n;
  }
  int get() const { return value; }
};

TEST(WithContext, MemberPointers) {
  Outer outer;
  Counter c = {1, ""};
  auto add = with_context(&Counter::add);
  EXPECT_EQ(add(c, 1), 2);
  EXPECT_EQ(add(&c, 1), 3);
  EXPECT_EQ(add(std::ref(c), 1), 4);
  std::unique_ptr<Counter> owned(new Counter{10, ""});
  EXPECT_EQ(add(owned, 1), 11);
  const Counter &cref = c;
  EXPECT_EQ(with_context(&Counter::get)(std::cref(cref)), 4);
  EXPECT_EQ(with_context(&Counter::get)(Counter{5, ""}), 5);
  auto value = with_context(&Counter::value);
  value(c) = 42;
  EXPECT_EQ(c.value, 42);
  static_assert(std::is_same<decltype(value(c)), int &>::value, "member data of an lvalue: int&");
  static_assert(std::is_same<decltype(value(&cref)), const int &>::value, "through a const pointer");
  std::thread(with_context(&Counter::add), &c, 1).join();
  EXPECT_EQ(c.value, 43);
  EXPECT_EQ(c.context, outer.context);
}

struct MoveOnly {
  std::unique_ptr<int> p;
  std::string operator()() { return *p == 5 ? current() : "wrong value"; }
};

TEST(WithContext, MoveOnlyCallables) {
  Outer outer;
  auto w = with_context(MoveOnly{std::unique_ptr<int>(new int(5))});
  static_assert(!std::is_copy_constructible<decltype(w)>::value, "copyable only if the callable is");
  auto moved = std::move(w);
  std::future<std::string> f = std::async(std::launch::async, std::move(moved));
  EXPECT_EQ(f.get(), outer.context);
}

struct Thrown : std::runtime_error {
  Thrown() : std::runtime_error("thrown") {}
};

TEST(WithContext, ExceptionsPassThroughAndDetach) {
  Outer outer;
  auto throwing = with_context([]() -> int { throw Thrown(); });
  std::string after = "unset";
  bool caught = false;
  std::thread([&] {
    try {
      throwing();
    } catch (const Thrown &) {
      caught = true;
    }
    after = current();
  }).join();
  EXPECT_TRUE(caught);
  EXPECT_EQ(after, "");
  std::future<int> f = std::async(std::launch::async, throwing);
  EXPECT_THROW(f.get(), Thrown);
}

int g_target = 0;
int &target() { return g_target; }

TEST(WithContext, VoidAndReferenceResults) {
  Outer outer;
  auto ref = with_context(target);
  static_assert(std::is_same<decltype(ref()), int &>::value, "reference results stay references");
  ref() = 3;
  EXPECT_EQ(g_target, 3);
  auto rvalue = with_context([](std::unique_ptr<int> &p) -> std::unique_ptr<int> && { return std::move(p); });
  std::unique_ptr<int> p(new int(1));
  std::unique_ptr<int> taken = rvalue(p);
  EXPECT_TRUE(taken && !p);
  std::string seen;
  auto nothing = with_context([&] { seen = current(); });
  static_assert(std::is_same<decltype(nothing()), void>::value, "void");
  nothing();
  EXPECT_EQ(seen, outer.context);
}

TEST(WithContext, ConstAndRvalueCalls) {
  Outer outer;
  struct Qualified {
    std::string operator()() & { return "lvalue"; }
    std::string operator()() const & { return "const lvalue"; }
    std::string operator()() && { return "rvalue"; }
  };
  auto w = with_context(Qualified());
  const auto &cw = w;
  EXPECT_EQ(w(), "lvalue");
  EXPECT_EQ(cw(), "const lvalue");
  EXPECT_EQ(std::move(w)(), "rvalue");
}

#if __cplusplus >= 202002L
TEST(WithContext, StdJthreadWithAndWithoutStopToken) {
  Outer outer;
  std::string plain, with_token;
  bool stop_possible = false;
  {
    std::jthread a(with_context([&] { plain = current(); }));
    std::jthread b(with_context([&](std::stop_token token) {
      stop_possible = token.stop_possible();
      with_token = current();
    }));
  }
  EXPECT_EQ(plain, outer.context);
  EXPECT_EQ(with_token, outer.context);
  EXPECT_TRUE(stop_possible) << "jthread passed its stop_token through the wrapper";
}
#endif

}  // namespace

int main(int argc, char **argv) {
  // Every span recorded; the exporter writes to /dev/null.
  setenv("OTEL_TRACES_EXPORTER", "file", 0);
  setenv("ORCH_FILE_EXPORTER_PATH", "/dev/null", 0);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
