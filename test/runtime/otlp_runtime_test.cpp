// The runtime with its real OTLP/HTTP exporter, in child processes (see
// runtime_harness.h), against loopback ports: which descriptors the exporter
// holds in the program.
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

#include "export/otlp_exporter.h"
#include "local_http_sink.h"
#include "runtime_harness.h"

namespace orch::test {
namespace {

orch_site g_leaf = make_site("leaf");

void spans(int n) {
  for (int i = 0; i < n; ++i) {
    orch_span s;
    api()->span_start(&s, &g_leaf);
    if (s.rec) api()->span_end(&s);
  }
}

// Where the child's exporter posts (set before forking), with the OTLP
// exporter's own defaults otherwise (OTEL_EXPORTER_OTLP_TIMEOUT: 10 s).
std::string g_endpoint;

std::unique_ptr<rt::Exporter> otlp_to_endpoint(const rt::Config &) {
  rt::OtlpConfig c;
  c.endpoint = g_endpoint;
  return rt::make_otlp_exporter(c);
}

// The batch processor's defaults (OTEL_BSP_EXPORT_TIMEOUT: 30 s), and no
// scheduled export in these short runs: the exit flush sends everything.
rt::Config otlp_config() {
  rt::Config c = test_config();
  c.exporters = {rt::ExporterKind::Otlp};
  c.batch.schedule_delay_ms = 60000;
  c.batch.export_timeout_ms = 30000;
  return c;
}

// The descriptors of this process, but for the directory being read.
std::set<int> open_descriptors() {
  std::set<int> fds;
  DIR *dir = opendir("/proc/self/fd");
  if (!dir) return fds;
  while (dirent *e = readdir(dir))
    if (e->d_name[0] != '.') fds.insert(std::atoi(e->d_name));
  fds.erase(dirfd(dir));
  closedir(dir);
  return fds;
}

std::string describe(int fd) {
  char target[256] = {};
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  if (readlink(link.c_str(), target, sizeof target - 1) < 0) return std::to_string(fd) + " (closed)";
  return std::to_string(fd) + " -> " + target;
}

// Every descriptor the exporter opens is close-on-exec, and five exports
// travel over one connection: after the first export, the program's set of
// descriptors no longer changes.
TEST(RuntimeOtlp, ExporterDescriptorsAreCloseOnExecAndOneConnectionIsReused) {
  LocalHttpSink sink;
  g_endpoint = sink.url();
  constexpr int kExports = 5;
  std::string err;
  RuntimeHarness h;
  const int status = h.run_capturing_stderr(
      otlp_config(),
      [] {
        const std::set<int> before = open_descriptors();
        std::set<int> after_first;
        for (int i = 0; i < kExports; ++i) {
          spans(3);
          CHILD_CHECK(orch_flush(5000) == 1);
          const std::set<int> now = open_descriptors();
          for (int fd : now) {
            if (before.count(fd) || (fcntl(fd, F_GETFD) & FD_CLOEXEC)) continue;
            std::fprintf(stderr, "not close-on-exec: %s\n", describe(fd).c_str());
            std::_Exit(3);
          }
          if (i == 0) after_first = now;
          if (now != after_first) {
            std::fprintf(stderr, "descriptors changed at export %d\n", i + 1);
            std::_Exit(3);
          }
        }
      },
      err, otlp_to_endpoint);
  EXPECT_EQ(status, 0) << err;
  EXPECT_EQ(sink.request_count(), static_cast<uint64_t>(kExports));
  EXPECT_EQ(sink.connection_count(), 1u);
}

}  // namespace
}  // namespace orch::test
