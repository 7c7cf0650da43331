// What the exit costs a program, by collector: a small program (100 spans, then
// it returns from main) run as a new process against a loopback HTTP sink
// scripted for each case, with the runtime's defaults (OTEL_BSP_EXPORT_TIMEOUT
// 30 s, OTEL_EXPORTER_OTLP_TIMEOUT 10 s). The cases are interleaved. The
// figure is the exit: from the return from main (the program prints the time)
// to the end of the process (waitpid in this one).
//
//   bench_exit [--fast] [RUNS [LIBDIR ...]]
//       RUNS (default 5) runs of each case with each LIBDIR (default: the
//       runtime it was built with), which is put first on LD_LIBRARY_PATH to
//       run the program with another build of liborch_runtime.so; prints the
//       median (min-max) exit time per case, the same less the median of the
//       run without export, and the lines the runtime printed on stderr.
//       --fast: only the cases that take well under a second
//   bench_exit --quick             one run of the fast cases (a smoke test)
//   bench_exit --program           the measured program
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench_child.h"
#include "local_http_sink.h"
#include "orch/orch.h"

namespace {

using namespace std::chrono;
using namespace orch::bench;
using orch::test::LocalHttpSink;
using Reply = LocalHttpSink::Reply;
using Action = LocalHttpSink::Action;

int program() {
  const orch_api_v1 *api = orch_runtime_api_v1();
  static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "work", "work", __FILE__, __LINE__, 0, nullptr, nullptr, 0};
  for (int i = 0; i < 100; ++i) {
    orch_span s;
    api->span_start(&s, &site);
    if (s.rec) api->span_end(&s);
  }
  std::fprintf(stderr, "main returns at %lld\n",
               static_cast<long long>(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count()));
  return 0;
}

struct Case {
  const char *name;
  bool slow;                  // left out of --quick
  bool export_disabled;       // OTEL_SDK_DISABLED=true
  bool nothing_listening;     // a closed port
  std::vector<Reply> script;  // of the sink; requests beyond it get 200
};

std::vector<Case> cases() {
  std::vector<Reply> always_503(100, Reply{Action::Respond, 503, "", ""});
  return {
      {"no export (OTEL_SDK_DISABLED=true)", false, true, false, {}},
      {"collector answers 200", false, false, false, {}},
      {"nothing listening (connection refused)", false, false, true, {}},
      {"503 once, then 200", false, false, false, {{Action::Respond, 503, "", ""}}},
      {"429 with Retry-After: 1, then 200", true, false, false, {{Action::Respond, 429, "Retry-After: 1\r\n", ""}}},
      {"503 on every request", true, false, false, always_503},
      {"accepts, never answers", true, false, false, {{Action::NeverAnswer, 0, "", ""}}},
  };
}

struct Run {
  int64_t ns = 0;
  std::string orch_lines;  // what the runtime printed on stderr
};

Run run_program(const std::string &self, const Case &c, const std::string &libdir) {
  std::string url;
  LocalHttpSink sink(false);
  if (c.nothing_listening) {
    LocalHttpSink gone(false);
    url = gone.url();
  } else {
    sink.script(c.script);
    url = sink.url();
  }
  std::vector<std::pair<std::string, std::string>> env = {{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", url}};
  if (c.export_disabled) env.emplace_back("OTEL_SDK_DISABLED", "true");
  if (!libdir.empty()) {
    const char *old = std::getenv("LD_LIBRARY_PATH");
    env.emplace_back("LD_LIBRARY_PATH", libdir + (old ? ":" + std::string(old) : ""));
  }
  const ChildRun child = run_child(self, "--program", 2, env);
  const std::string &text = child.output;
  Run run;
  const size_t mark = text.find("main returns at ");
  if (mark != std::string::npos)
    run.ns = duration_cast<nanoseconds>(child.ended.time_since_epoch()).count() - std::atoll(text.c_str() + mark + 16);
  for (size_t pos = 0; (pos = text.find("orch: ", pos)) != std::string::npos; ++pos) {
    const size_t end = text.find('\n', pos);
    run.orch_lines += "    " + text.substr(pos, end - pos) + "\n";
  }
  return run;
}

int64_t median(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "--program") == 0) return program();
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const bool fast = quick || (argc > 1 && std::strcmp(argv[1], "--fast") == 0);
  const int first_arg = fast && !quick ? 2 : 1;
  const int runs = quick ? 1 : argc > first_arg ? std::max(1, std::atoi(argv[first_arg])) : 5;
  std::vector<std::string> libdirs(argv + std::min(argc, first_arg + 1), argv + argc);
  if (quick || libdirs.empty()) libdirs = {""};
  char self[4096] = {};
  if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0) return 1;

  const std::vector<Case> all = cases();
  // [libdir][case]
  std::vector<std::vector<std::vector<int64_t>>> ns(libdirs.size(), std::vector<std::vector<int64_t>>(all.size()));
  std::vector<std::vector<std::string>> lines(libdirs.size(), std::vector<std::string>(all.size()));
  for (int r = 0; r < runs; ++r)
    for (size_t c = 0; c < all.size(); ++c)
      for (size_t l = 0; l < libdirs.size(); ++l) {
        if (fast && all[c].slow) continue;
        const Run run = run_program(self, all[c], libdirs[l]);
        ns[l][c].push_back(run.ns);
        lines[l][c] = run.orch_lines;
      }
  std::printf("%d runs of each, from the return from main to the end of the process: median (min-max);\n"
              "\"+\": less the median without export\n",
              runs);
  for (size_t l = 0; l < libdirs.size(); ++l) {
    std::printf("%s\n", libdirs[l].empty() ? "liborch_runtime.so as built" : libdirs[l].c_str());
    const int64_t reference = median(ns[l][0]);
    for (size_t c = 0; c < all.size(); ++c) {
      const auto &v = ns[l][c];
      if (v.empty()) continue;
      std::printf("  %-42s %-28s + %.1f ms\n%s", all[c].name, median_min_max(v, 1e6, " ms").c_str(),
                  (median(v) - reference) / 1e6, lines[l][c].c_str());
    }
  }
  return 0;
}
