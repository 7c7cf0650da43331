#include "runtime_harness.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/ids.h"
#include "core/runtime.h"

namespace orch::test {
namespace {

std::string g_capture_path;  // set in the child before the runtime starts
std::string g_metrics_path;
int g_metric_exports = 0;

std::string hex(const uint8_t *b, size_t n) {
  std::string s(2 * n, '0');
  rt::hex_encode(b, n, s.data());
  return s;
}

std::string value_text(const rt::AttrView &a) {
  switch (a.type) {
  case rt::AttrType::String: return "\"" + std::string(a.str) + "\"";
  case rt::AttrType::Int: return std::to_string(a.i);
  case rt::AttrType::Double: return std::to_string(a.d);
  case rt::AttrType::Bool: return a.b ? "true" : "false";
  }
  return {};
}

// Fields separated by \x1f, attributes and events by \x1e; one span per line.
class CaptureExporter final : public rt::Exporter {
public:
  rt::ExportResult export_spans(std::span<const rt::SpanView> spans, const rt::ResourceView &resource,
                                std::chrono::steady_clock::time_point) override {
    while (RuntimeHarness::hold_exports.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::string service;
    for (const auto &a : resource.attributes)
      if (a.key == "service.name") service = a.str;
    std::ostringstream out;
    for (const auto &s : spans) {
      out << getpid() << '\x1f' << s.name << '\x1f' << hex(s.trace_id, 16) << '\x1f' << hex(s.span_id, 8) << '\x1f'
          << hex(s.parent_span_id, 8) << '\x1f' << s.trace_flags << '\x1f' << static_cast<int>(s.status) << '\x1f'
          << s.start_unix_nano << '\x1f' << s.end_unix_nano << '\x1f' << s.dropped_attributes_count << '\x1f'
          << service << '\x1f' << s.trace_state << '\x1f';
      for (const auto &a : s.attributes) out << a.key << '=' << value_text(a) << '\x1e';
      out << '\x1f';
      for (const auto &e : s.events) {
        out << e.name;
        for (const auto &a : e.attributes) out << ' ' << a.key << '=' << value_text(a);
        out << '\x1e';
      }
      out << '\n';
    }
    std::ofstream(g_capture_path, std::ios::app) << out.str();
    return rt::ExportResult::Success;
  }
};

std::unique_ptr<rt::Exporter> capture_factory(const rt::Config &) { return std::make_unique<CaptureExporter>(); }

std::string attributes_text(std::span<const rt::AttrView> attrs) {
  std::string out;
  for (const auto &a : attrs) out += std::string(a.key) + '=' + value_text(a) + '\x1e';
  return out;
}

std::string exemplars_text(std::span<const rt::ExemplarView> exemplars) {
  std::string out;
  for (const auto &x : exemplars) out += hex(x.trace_id, 16) + ' ' + hex(x.span_id, 8) + ' ' + std::to_string(x.value) + '\x1e';
  return out;
}

template <class T> std::string list_text(std::span<const T> values) {
  std::string out;
  for (const T &v : values) out += std::to_string(v) + ',';
  return out;
}

// One point per line, fields separated by \x1f:
// pid, export, metric, type, temporality, start, time, attributes, value,
// count, sum, min, max, scale, offset, counts, bounds, exemplars.
class CaptureMetricExporter final : public rt::MetricExporter {
public:
  rt::ExportResult export_metrics(std::span<const rt::MetricView> metrics, const rt::ResourceView &,
                                  std::chrono::steady_clock::time_point) override {
    std::ostringstream out;
    out.precision(17);
    // The fields of one point, separated by \x1f, ended by a newline.
    auto line = [&](const rt::MetricView &m, const char *type, uint64_t start, uint64_t time,
                    std::span<const rt::AttrView> attrs, const auto &...rest) {
      out << getpid() << '\x1f' << g_metric_exports << '\x1f' << m.name << '\x1f' << type << '\x1f'
          << static_cast<int>(m.temporality) << '\x1f' << start << '\x1f' << time << '\x1f' << attributes_text(attrs);
      ((out << '\x1f' << rest), ...);
      out << '\n';
    };
    const std::string none;
    for (const auto &m : metrics) {
      for (const auto &p : m.sum_points)
        line(m, "sum", p.start_unix_nano, p.time_unix_nano, p.attributes, p.value, 0, 0, 0, 0, 0, 0, none, none, none);
      for (const auto &p : m.exponential_points)
        line(m, "exponential", p.start_unix_nano, p.time_unix_nano, p.attributes, 0, p.count, p.sum, p.min, p.max,
             p.scale, p.positive_offset, list_text(p.positive_counts), none, exemplars_text(p.exemplars));
      for (const auto &p : m.explicit_points)
        line(m, "explicit", p.start_unix_nano, p.time_unix_nano, p.attributes, 0, p.count, p.sum, p.min, p.max, 0, 0,
             list_text(p.bucket_counts), list_text(p.explicit_bounds), exemplars_text(p.exemplars));
    }
    ++g_metric_exports;
    std::ofstream(g_metrics_path, std::ios::app) << out.str();
    return rt::ExportResult::Success;
  }
};

std::unique_ptr<rt::MetricExporter> capture_metric_factory(const rt::Config &) {
  return std::make_unique<CaptureMetricExporter>();
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

}  // namespace

std::atomic<bool> RuntimeHarness::hold_exports{false};

RuntimeHarness::RuntimeHarness() {
  char tmpl[] = "/tmp/orch-runtime-test-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd >= 0) close(fd);
  path_ = tmpl;
  metrics_path_ = path_ + ".metrics";
}

RuntimeHarness::~RuntimeHarness() {
  std::remove(path_.c_str());
  std::remove(metrics_path_.c_str());
}

int RuntimeHarness::run(const rt::Config &config, const std::function<void()> &body, rt::ExporterFactory factory) {
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    g_capture_path = path_;
    g_metrics_path = metrics_path_;
    rt::Runtime::create(config, factory ? factory : capture_factory, capture_metric_factory);
    body();
    std::exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int RuntimeHarness::run_capturing_stderr(const rt::Config &config, const std::function<void()> &body,
                                         std::string &child_stderr, rt::ExporterFactory factory) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  const int status = run(
      config,
      [&] {
        dup2(pipe_fds[1], 2);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        body();
      },
      factory);
  close(pipe_fds[1]);
  child_stderr.clear();
  char buf[512];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) child_stderr.append(buf, n);
  close(pipe_fds[0]);
  return status;
}

std::vector<CapturedSpan> RuntimeHarness::spans() const {
  std::vector<CapturedSpan> result;
  std::ifstream in(path_);
  std::string line;
  while (std::getline(in, line)) {
    auto f = split(line, '\x1f');
    if (f.size() != 14) continue;
    CapturedSpan s;
    s.pid = std::stoi(f[0]);
    s.name = f[1];
    s.trace_id = f[2];
    s.span_id = f[3];
    s.parent_span_id = f[4];
    s.flags = std::stoi(f[5]);
    s.status = std::stoi(f[6]);
    s.start = std::stoull(f[7]);
    s.end = std::stoull(f[8]);
    s.dropped_attributes = static_cast<uint32_t>(std::stoul(f[9]));
    s.service_name = f[10];
    s.trace_state = f[11];
    for (const auto &kv : split(f[12], '\x1e')) {
      if (kv.empty()) continue;
      auto eq = kv.find('=');
      s.attrs[kv.substr(0, eq)] = kv.substr(eq + 1);
      s.attr_order.push_back(kv.substr(0, eq));
    }
    for (const auto &e : split(f[13], '\x1e'))
      if (!e.empty()) s.events.push_back(e);
    result.push_back(std::move(s));
  }
  return result;
}

std::vector<CapturedPoint> RuntimeHarness::metric_points() const {
  std::vector<CapturedPoint> result;
  std::ifstream in(metrics_path_);
  std::string line;
  auto numbers = [](const std::string &text, auto parse) {
    std::vector<decltype(parse(std::string()))> out;
    for (const auto &v : split(text, ','))
      if (!v.empty()) out.push_back(parse(v));
    return out;
  };
  while (std::getline(in, line)) {
    auto f = split(line, '\x1f');
    if (f.size() != 18) continue;
    CapturedPoint p;
    p.pid = std::stoi(f[0]);
    p.export_index = std::stoi(f[1]);
    p.metric = f[2];
    p.type = f[3];
    p.temporality = std::stoi(f[4]);
    p.start = std::stoull(f[5]);
    p.time = std::stoull(f[6]);
    for (const auto &kv : split(f[7], '\x1e')) {
      auto eq = kv.find('=');
      if (eq != std::string::npos) p.attrs[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    p.value = std::stoll(f[8]);
    p.count = std::stoull(f[9]);
    p.sum = std::stod(f[10]);
    p.min = std::stod(f[11]);
    p.max = std::stod(f[12]);
    p.scale = std::stoi(f[13]);
    p.offset = std::stoi(f[14]);
    p.counts = numbers(f[15], [](const std::string &v) { return static_cast<uint64_t>(std::stoull(v)); });
    p.bounds = numbers(f[16], [](const std::string &v) { return std::stod(v); });
    for (const auto &x : split(f[17], '\x1e'))
      if (!x.empty()) p.exemplars.push_back(x);
    result.push_back(std::move(p));
  }
  return result;
}

rt::Config test_config() {
  rt::Config c;
  c.exporters = {rt::ExporterKind::File};  // any exporter but none; the harness supplies its own
  c.batch.schedule_delay_ms = 50;
  c.batch.export_timeout_ms = 5000;
  return c;
}

const orch_api_v1 *api() { return orch_runtime_api_v1(); }

orch_site make_site(const char *name) {
  return orch_site{ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, name, name, "test.cpp", 7, 0, nullptr, nullptr, 0};
}

const CapturedSpan &named(const std::vector<CapturedSpan> &spans, const std::string &name) {
  for (const auto &s : spans)
    if (s.name == name) return s;
  static CapturedSpan none;
  ADD_FAILURE() << "no span named " << name;
  return none;
}

}  // namespace orch::test
