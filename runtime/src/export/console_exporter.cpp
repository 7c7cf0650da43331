#include "export/console_exporter.h"

#include <algorithm>
#include <cinttypes>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "id_codec.h"
#include "export/console_format.h"

namespace orch::rt {
namespace {

std::string hex(const uint8_t *bytes, size_t n) {
  std::string s(2 * n, '0');
  hex_encode(bytes, n, s.data());
  return s;
}

uint64_t id64(const uint8_t id[8]) { return span_id_value(id); }

std::string duration(uint64_t ns) {
  char buf[32];
  if (ns < 10'000) std::snprintf(buf, sizeof buf, "%" PRIu64 " ns", ns);
  else if (ns < 10'000'000) std::snprintf(buf, sizeof buf, "%.1f us", ns / 1e3);
  else std::snprintf(buf, sizeof buf, "%.1f ms", ns / 1e6);
  return buf;
}

class TreePrinter {
public:
  TreePrinter(std::span<const SpanView> spans, std::FILE *out) : spans_(spans), out_(out) {
    for (size_t i = 0; i < spans.size(); ++i) by_id_[id64(spans[i].span_id)] = i;
    for (size_t i = 0; i < spans.size(); ++i) {
      uint64_t parent = id64(spans[i].parent_span_id);
      auto it = by_id_.find(parent);
      if (parent && it != by_id_.end()) children_[it->second].push_back(i);
      else roots_.push_back(i);
    }
    auto by_start = [&](size_t a, size_t b) { return spans_[a].start_unix_nano < spans_[b].start_unix_nano; };
    for (auto &[_, c] : children_) std::sort(c.begin(), c.end(), by_start);
    // Traces in order of their first root; roots by start time within a trace.
    std::stable_sort(roots_.begin(), roots_.end(), [&](size_t a, size_t b) {
      int t = std::memcmp(spans_[a].trace_id, spans_[b].trace_id, 16);
      return t != 0 ? t < 0 : by_start(a, b);
    });
  }

  void print() {
    const uint8_t *trace = nullptr;
    for (size_t r : roots_) {
      if (!trace || std::memcmp(trace, spans_[r].trace_id, 16) != 0) {
        trace = spans_[r].trace_id;
        std::fprintf(out_, "trace %s\n", hex(trace, 16).c_str());
      }
      const SpanView &root = spans_[r];
      if (uint64_t parent = id64(root.parent_span_id)) {
        // A remote parent's vendors' state (tracestate) is the tree's, when there is one.
        std::string state = root.trace_state.empty() ? "" : "; tracestate " + std::string(root.trace_state);
        std::fprintf(out_, "  (parent %016" PRIx64 " not in this batch%s)\n", parent, state.c_str());
      }
      print_span(r, 1);
    }
    std::fflush(out_);
  }

private:
  void print_span(size_t i, int depth) {
    const SpanView &s = spans_[i];
    std::string indent(2 * depth, ' ');
    std::string line = indent + std::string(s.name) + "  " + duration(s.end_unix_nano - s.start_unix_nano);
    std::string_view file;
    int64_t code_line = 0;
    for (const auto &a : s.attributes) {
      if (a.key == "code.file.path") file = a.str;
      else if (a.key == "code.line.number") code_line = a.i;
      else if (a.key != "code.function.name") {
        line += "  ";
        line.append(a.key);
        line += '=';
        append_attribute_value(line, a);
      }
    }
    if (!file.empty()) line += "  (" + std::string(file) + ":" + std::to_string(code_line) + ")";
    if (s.status == StatusCode::Error) line += "  ERROR " + std::string(s.status_message);
    std::fprintf(out_, "%s\n", line.c_str());
    for (const auto &e : s.events) {
      std::string ev = indent + "  ! " + std::string(e.name);
      for (const auto &a : e.attributes) {
        ev += ' ';
        ev.append(a.key);
        ev += '=';
        append_attribute_value(ev, a);
      }
      std::fprintf(out_, "%s\n", ev.c_str());
    }
    auto it = children_.find(i);
    if (it != children_.end())
      for (size_t c : it->second) print_span(c, depth + 1);
  }

  std::span<const SpanView> spans_;
  std::FILE *out_;
  std::unordered_map<uint64_t, size_t> by_id_;
  std::unordered_map<size_t, std::vector<size_t>> children_;
  std::vector<size_t> roots_;
};

}  // namespace

ExportResult ConsoleExporter::export_spans(std::span<const SpanView> spans, const ResourceView &,
                                           std::chrono::steady_clock::time_point) {
  try {
    TreePrinter(spans, out_).print();
    return ExportResult::Success;
  } catch (...) {
    return ExportResult::PermanentFailure;
  }
}

}  // namespace orch::rt
