// What a woven program pays to start and for its first instrumented call,
// against the calls after it. The traced function is bench_workload's (woven
// as orch weaves a C++ function), and the program is not linked with the
// runtime: it finds the runtime as a woven program does, by dlopen() of
// ORCH_RUNTIME_PATH or $ORCH_RUNTIME. bench_first_call loads it when the
// program starts (orch/weave.h's constructor); bench_first_call_lazy, built
// with -DORCH_NO_PRELOAD, at the first span. Each measurement is a new process.
//
//   bench_first_call [RUNS [RUNTIME.so ...]]
//       RUNS (default 11) measurements of each program with each runtime
//       (default: the one they were built with), all interleaved; prints the
//       median (min-max) of each figure
//   bench_first_call --start       returns at once from main: the parent times the process
//   bench_first_call --once        one measurement: "first steady plain" in ns
//
// The OTEL_* variables apply as in any program (by default: the otlp exporter
// towards localhost:4318). The measuring process ends with _exit(), so that
// the exit flush does not slow the runs.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench_child.h"
#include "bench_workload.h"

namespace {

using namespace orch::bench;
using Clock = std::chrono::steady_clock;

int64_t ns_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

template <class F> int64_t median_of_timed_calls(F call) {
  std::vector<int64_t> t(1000);
  for (auto &x : t) {
    const auto start = Clock::now();
    call();
    x = ns_since(start);
  }
  std::nth_element(t.begin(), t.begin() + t.size() / 2, t.end());
  return t[t.size() / 2];
}

[[noreturn]] void measure_once() {
  const auto start = Clock::now();
  traced_call(1, 2);
  const int64_t first = ns_since(start);
  // 1000 spans: below the queue limit, so none takes the cheaper drop path.
  const int64_t steady = median_of_timed_calls([] { traced_call(5, 6); });
  const int64_t plain = median_of_timed_calls([] { plain_call(5, 6); });
  std::printf("%lld %lld %lld\n", static_cast<long long>(first), static_cast<long long>(steady),
              static_cast<long long>(plain));
  std::fflush(stdout);
  _exit(0);
}

// The numbers a child printed.
std::vector<int64_t> numbers(const std::string &text) {
  std::vector<int64_t> v;
  const char *p = text.c_str();
  for (char *end; *p; p = end) {
    const long long n = std::strtoll(p, &end, 10);
    if (end == p) break;
    v.push_back(n);
  }
  return v;
}

std::string sibling(const char *name) {
  char self[4096] = {};
  if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0) return name;
  std::string path = self;
  return path.substr(0, path.rfind('/') + 1) + name;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "--start") == 0) _exit(0);
  if (argc > 1 && std::strcmp(argv[1], "--once") == 0) measure_once();
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
  std::vector<std::string> runtimes(argv + std::min(argc, 2), argv + argc);
  if (runtimes.empty()) runtimes.push_back(ORCH_RUNTIME_PATH);
  const std::string programs[] = {sibling("bench_first_call"), sibling("bench_first_call_lazy")};

  enum { kFirst, kSteady, kPlain, kStart, kFigures };
  struct Case {
    std::string program, runtime;
    std::vector<int64_t> figures[kFigures];
  };
  std::vector<Case> cases;
  for (const auto &program : programs)
    for (const auto &runtime : runtimes) cases.push_back({program, runtime, {}});
  for (int run = 0; run < runs; ++run) {
    for (Case &c : cases) {
      const std::vector<std::pair<std::string, std::string>> env = {{"ORCH_RUNTIME", c.runtime}};
      const ChildRun once = run_child(c.program, "--once", 1, env);
      const ChildRun start = run_child(c.program, "--start", 1, env);
      const std::vector<int64_t> figures = numbers(once.output);
      if (!once.ok || !start.ok || figures.size() != 3) {
        std::fprintf(stderr, "bench_first_call: %s with %s failed\n", c.program.c_str(), c.runtime.c_str());
        return 1;
      }
      for (int f = kFirst; f <= kPlain; ++f) c.figures[f].push_back(figures[f]);
      c.figures[kStart].push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(start.ended - start.started).count());
    }
  }
  std::printf("%d runs of each, median (min-max)\n", runs);
  for (const Case &c : cases) {
    const auto &f = c.figures;
    std::printf("%s with %s\n  a run that returns from main at once: %s\n  first call %s, then %s per call "
                "(plain call %s; both timed with a clock read around them)\n",
                c.program.substr(c.program.rfind('/') + 1).c_str(), c.runtime.c_str(),
                median_min_max(f[kStart], 1e6, " ms").c_str(), median_min_max(f[kFirst], 1e6, " ms").c_str(),
                median_min_max(f[kSteady], 1, " ns").c_str(), median_min_max(f[kPlain], 1, " ns").c_str());
  }
  return 0;
}
