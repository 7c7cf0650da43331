// The runtime with its real OTLP/HTTP exporter, in child processes (see
// runtime_harness.h), against loopback ports: what the exit costs when no
// collector listens or when one fails, and which descriptors the exporter
// holds in the program.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>

#include "export/otlp_exporter.h"
#include "local_http_sink.h"
#include "runtime_harness.h"
#include "test_spans.h"

namespace orch::test {
namespace {

using namespace std::chrono;
using Reply = LocalHttpSink::Reply;
using Action = LocalHttpSink::Action;

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

std::string url_of_closed_port() {
  int port;
  {
    LocalHttpSink gone;
    port = gone.port();
  }
  return "http://127.0.0.1:" + std::to_string(port) + "/v1/traces";
}

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t pos = 0; (pos = text.find(what, pos)) != std::string::npos; pos += what.size()) ++n;
  return n;
}

// How long the child took, fork to exit.
struct TimedRun {
  int status;
  std::string err;
  milliseconds took;
};

TimedRun timed_run(const rt::Config &config, const std::function<void()> &body) {
  RuntimeHarness h;
  TimedRun r;
  const auto start = steady_clock::now();
  r.status = h.run_capturing_stderr(config, body, r.err, otlp_to_endpoint);
  r.took = duration_cast<milliseconds>(steady_clock::now() - start);
  return r;
}

// The target is 0.3 s of delay at exit. The bound leaves room for a loaded
// machine (fork, exporter start) and still fails the old behaviour: retries
// with backoff until the OTLP timeout, 6-7 s.
constexpr milliseconds kQuickExit{2000};

TEST(RuntimeOtlp, ExitWithNothingListeningIsNotDelayedAndReportsTheLossOnce) {
  g_endpoint = url_of_closed_port();
  const TimedRun r = timed_run(otlp_config(), [] { spans(10); });
  EXPECT_EQ(r.status, 0);
  EXPECT_LT(r.took, kQuickExit);
  EXPECT_EQ(count(r.err, "orch: "), 1u) << r.err;
  EXPECT_NE(r.err.find("orch: 10 spans not exported: POST " + g_endpoint), std::string::npos) << r.err;
}

// The program ran long enough for a scheduled export to meet the closed port
// and wait to retry it: the exit cuts that wait short.
TEST(RuntimeOtlp, ExitWhileRetryingAnUnreachableCollectorIsNotDelayed) {
  g_endpoint = url_of_closed_port();
  rt::Config c = otlp_config();
  c.batch.schedule_delay_ms = 50;
  constexpr milliseconds kRunning{800};
  const TimedRun r = timed_run(c, [&] {
    spans(10);
    std::this_thread::sleep_for(kRunning);  // attempts at about 0, 0.2 and 0.6 s, then a wait of 0.5-1 s
    spans(5);
  });
  EXPECT_EQ(r.status, 0);
  EXPECT_LT(r.took, kRunning + kQuickExit);
  EXPECT_EQ(count(r.err, "orch: "), 1u) << r.err;
  EXPECT_NE(r.err.find("orch: 15 spans not exported: "), std::string::npos) << r.err;
}

// A collector that is there but refuses for now is still retried at exit.
TEST(RuntimeOtlpWithSink, ExitFlushRetriesACollectorThatAnswers503) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503}});
  g_endpoint = sink.url();
  const TimedRun r = timed_run(otlp_config(), [] { spans(10); });
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(sink.request_count(), 2u);
}

TEST(RuntimeOtlpWithSink, ExitFlushWaitsTheRetryAfterOfA429) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 429, "Retry-After: 1\r\n"}});
  g_endpoint = sink.url();
  const TimedRun r = timed_run(otlp_config(), [] { spans(10); });
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(sink.request_count(), 2u);
  EXPECT_GE(r.took, milliseconds(990));
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
TEST(RuntimeOtlpWithSink, ExporterDescriptorsAreCloseOnExecAndOneConnectionIsReused) {
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

// The exporter alone, told that the program exits while it works.

struct OneSpan {
  rt::SpanView span = basic_span();
  rt::ResourceView resource{{}, "orch", "0"};
  std::span<const rt::SpanView> spans() const { return {&span, 1}; }
};

std::unique_ptr<rt::Exporter> exporter_to(const std::string &url) {
  rt::OtlpConfig c;
  c.endpoint = url;
  return rt::make_otlp_exporter(c);
}

steady_clock::time_point in(milliseconds ms) { return steady_clock::now() + ms; }

// A port whose connection attempts go unanswered, as behind a firewall that
// drops them: its accept queue (of one) is full.
class DroppingPort {
public:
  DroppingPort() {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bind(listen_fd_, reinterpret_cast<sockaddr *>(&addr), len);
    listen(listen_fd_, 0);
    getsockname(listen_fd_, reinterpret_cast<sockaddr *>(&addr), &len);
    filler_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    connect(filler_fd_, reinterpret_cast<sockaddr *>(&addr), len);
    url_ = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/v1/traces";
  }
  ~DroppingPort() {
    close(filler_fd_);
    close(listen_fd_);
  }
  const std::string &url() const { return url_; }

private:
  int listen_fd_ = -1, filler_fd_ = -1;
  std::string url_;
};

TEST(OtlpExporterAtExit, ARefusedConnectionIsRetriedUntilTheProgramExits) {
  auto exporter = exporter_to(url_of_closed_port());
  OneSpan batch;
  std::thread exiting([&] {
    std::this_thread::sleep_for(milliseconds(500));
    exporter->program_exiting();
  });
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(10))), rt::ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - start, milliseconds(500) + kQuickExit);
  exiting.join();
  const std::string error = exporter->last_error();
  EXPECT_EQ(error.find("(attempt 1)"), std::string::npos) << "retried before the exit: " << error;
  EXPECT_NE(error.find("; not retried: the program is exiting"), std::string::npos) << error;

  // The rest of the exit flush is not sent.
  const auto again = steady_clock::now();
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(10))), rt::ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - again, milliseconds(100));
  EXPECT_EQ(exporter->last_error(), error);
}

TEST(OtlpExporterAtExit, ACollectorThatAnswersIsStillRetried) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 503}, {Action::CloseMidRequest}});
  auto exporter = exporter_to(sink.url());
  exporter->program_exiting();
  OneSpan batch;
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(10))), rt::ExportResult::Success)
      << exporter->last_error();
  EXPECT_EQ(sink.request_count(), 2u);  // the mid-request close is not counted as a request
}

// A collector that accepted the connection but does not answer in time is
// slow, not unreachable: it keeps the whole deadline, and the next batch is
// still sent.
TEST(OtlpExporterAtExit, ASlowCollectorKeepsItsDeadline) {
  LocalHttpSink sink;
  sink.script({{Action::Respond, 200}, {Action::NeverAnswer}});
  auto exporter = exporter_to(sink.url());
  OneSpan batch;
  ASSERT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(5))), rt::ExportResult::Success);
  exporter->program_exiting();
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(milliseconds(600))),
            rt::ExportResult::RetryableFailure);
  EXPECT_GE(steady_clock::now() - start, milliseconds(590));
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(5))), rt::ExportResult::Success)
      << exporter->last_error();
}

// Connecting timed out while the program ran: at exit, one attempt with a
// short connection timeout instead of the whole deadline.
TEST(OtlpExporterAtExit, ACollectorThatCouldNotBeReachedGetsOneQuickAttempt) {
  DroppingPort port;
  auto exporter = exporter_to(port.url());
  OneSpan batch;
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(milliseconds(300))),
            rt::ExportResult::RetryableFailure);
  exporter->program_exiting();
  const auto start = steady_clock::now();
  EXPECT_EQ(exporter->export_spans(batch.spans(), batch.resource, in(seconds(10))), rt::ExportResult::RetryableFailure);
  EXPECT_LT(steady_clock::now() - start, kQuickExit);
  EXPECT_NE(exporter->last_error().find("; not retried: the program is exiting"), std::string::npos)
      << exporter->last_error();
}

}  // namespace
}  // namespace orch::test
