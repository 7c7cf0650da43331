// --html: one self-contained page (inline CSS and SVG, no network assets):
// the verdict, the per-function table with latency bars, overhead charts.
#include <algorithm>
#include <cmath>

#include "verify/report.h"
#include "verify/report_format.h"

namespace orch::verify {

namespace {

std::string escaped(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

const char kStyle[] = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2330;background:#f7f8fa}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.sub{color:#5b6474;font-size:13px}.verdict{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;margin:12px 0}
.ok{background:#dcf5e3;color:#135c2b}.bad{background:#fde2e1;color:#8a1c17}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px #0002;font-size:13px;width:100%}
th,td{padding:5px 9px;border-bottom:1px solid #e7e9ee;text-align:left;white-space:nowrap}th{background:#eef0f4;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.st{padding:2px 7px;border-radius:10px;font-size:12px;font-weight:600}
.match{background:#dcf5e3;color:#135c2b}.mismatch{background:#fde2e1;color:#8a1c17}
.inlined{background:#fff1cc;color:#7a5300}.no-symbol,.uncounted{background:#e8e9ee;color:#4a5060}
.bar{height:7px;border-radius:3px;margin:2px 0}.bp{background:#e07b39}.bs{background:#3b7dd8}
.legend span{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 12px;vertical-align:middle}
.cards{display:flex;gap:16px;flex-wrap:wrap}.card{background:#fff;box-shadow:0 1px 2px #0002;border-radius:6px;padding:12px 16px}
.card b{font-size:20px;display:block}.note{color:#5b6474;font-size:12px;margin-top:6px}
.problem{background:#fde2e1;color:#8a1c17;padding:6px 10px;border-radius:4px;margin:4px 0;white-space:pre-wrap;font-size:13px}
)";

// Width of a latency bar: log scale from 10 ns to the largest value.
double bar_percent(uint64_t ns, double log_max) {
  if (ns == 0 || log_max <= 1)
    return 0;
  return std::max(2.0, 100.0 * std::log10(std::max<double>(ns, 10)) / log_max);
}

void function_table(const Report &report, std::string &html) {
  uint64_t largest = 10;
  for (const FunctionReport &f : report.functions)
    largest = std::max({largest, f.probe_p50_ns, f.duration_p50_ns});
  double log_max = std::log10(static_cast<double>(largest));
  html += "<h2>Functions</h2><div class=legend>p50 latency (log scale):<span class=bp></span>probe (log2 bucket "
          "upper bound)<span class=bs></span>orch.function.duration (bucket midpoint)</div><table><tr><th>function</th><th>status</th>"
          "<th>probe calls</th><th>metric calls</th><th>abandoned</th><th>probe p50 / p99</th><th>orch p50 / p99</th>"
          "<th style='width:22%'>p50</th></tr>";
  for (const FunctionReport &f : report.functions) {
    std::string status = f.status + ((f.status == "inlined" || f.status == "partly-inlined") && f.inlined_sites ? " (" + std::to_string(f.inlined_sites) + ")" : "");
    html += "<tr><td title='" + escaped(f.symbols.empty() ? "" : f.symbols.front()) + " at " + escaped(f.file) + ":" +
            std::to_string(f.line) + "'>" + escaped(f.name) + "</td><td><span class='st " + f.status + "'>" +
            escaped(status) + "</span></td><td class=n>" + std::to_string(f.probe_calls) + "</td><td class=n>" +
            (f.metric_calls ? std::to_string(*f.metric_calls) : "-") + "</td><td class=n>" +
            std::to_string(f.abandoned) + "</td><td class=n>" +
            (f.probe_calls ? format_duration_ns(f.probe_p50_ns) + " / " + format_duration_ns(f.probe_p99_ns) : "-") +
            "</td><td class=n>" +
            (f.metric_calls.value_or(0) ? format_duration_ns(f.duration_p50_ns) + " / " + format_duration_ns(f.duration_p99_ns) : "-") +
            "</td><td><div class='bar bp' style='width:" + format_number(bar_percent(f.probe_p50_ns, log_max), 1) +
            "%'></div><div class='bar bs' style='width:" + format_number(bar_percent(f.duration_p50_ns, log_max), 1) +
            "%'></div></td></tr>";
  }
  html += "</table><div class=note>Calls are medians over the runs; probe calls are entries (completed + abandoned "
          "by an exception); metric calls are orch.function.calls; - where the site counts no "
          "calls.</div>";
}

std::string count_cell(const std::optional<uint64_t> &count) {
  return "<td class=n>" + (count ? std::to_string(*count) : std::string("-")) + "</td>";
}

void call_site_table(const Report &report, std::string &html) {
  if (report.call_sites.empty())
    return;
  html += "<h2>Call sites</h2><table><tr><th>call site</th><th>status</th><th>probe calls</th>"
          "<th>metric calls</th><th>callee calls</th><th>orch p50 / p99</th></tr>";
  for (const FunctionReport &c : report.call_sites)
    html += "<tr><td title='" + escaped(c.symbols.empty() ? "" : c.symbols.front()) + "'>" +
            escaped(call_site_name(c)) + "</td><td><span class='st " + c.status + "'>" + escaped(c.status) +
            "</span></td><td class=n>" + std::to_string(c.probe_calls) + "</td>" +
            count_cell(c.metric_calls) + "<td class=n>" + std::to_string(c.callee_calls) + "</td><td class=n>" +
            (c.metric_calls.value_or(0) ? format_duration_ns(c.duration_p50_ns) + " / " + format_duration_ns(c.duration_p99_ns)
                                      : "-") +
            "</td></tr>";
  html += "</table><div class=note>Probe calls are the callee's entries that returned to the call (placed by their "
          "return address); callee calls are its entries from any caller; metric calls are orch.call_site.calls."
          "</div>";
}

void notes(const Report &report, std::string &html) {
  for (const FunctionReport &row : report.functions)
    for (const std::string &note : row.notes)
      html += "<div class=note>" + escaped(row.name) + ": " + escaped(note) + "</div>";
  for (const FunctionReport &row : report.call_sites)
    for (const std::string &note : row.notes)
      html += "<div class=note>" + escaped(call_site_name(row)) + ": " + escaped(note) + "</div>";
}

// One horizontal bar chart of a measure's median per mode, with min-max whiskers.
void overhead_chart(const Report &report, const char *title, Spread ModeReport::*measure, int digits,
                    std::string &html) {
  const char *colors[] = {"#8a93a6", "#e07b39", "#3b7dd8"};
  double largest = 0;
  for (const ModeReport *mode : modes_of(report))
    largest = std::max(largest, (mode->*measure).max);
  if (largest <= 0)
    largest = 1;
  const double width = 132, left = 96, row = 30;
  html += "<div class=card><div><b style='font-size:14px'>" + std::string(title) +
          "</b></div><svg width='340' height='100' role='img' aria-label='" + title + "'>";
  int i = 0;
  double plain = (report.plain.*measure).median;
  for (const ModeReport *mode : modes_of(report)) {
    const Spread &s = mode->*measure;
    double y = 8 + i * row, scale = width / largest;
    html += "<text x='0' y='" + format_number(y + 14, 0) + "' font-size='13'>" + mode->name + "</text>";
    html += "<rect x='" + format_number(left, 0) + "' y='" + format_number(y + 2, 0) + "' width='" +
            format_number(s.median * scale, 1) + "' height='16' rx='3' fill='" + colors[i] + "'/>";
    html += "<line x1='" + format_number(left + s.min * scale, 1) + "' x2='" + format_number(left + s.max * scale, 1) +
            "' y1='" + format_number(y + 10, 0) + "' y2='" + format_number(y + 10, 0) +
            "' stroke='#1d2330' stroke-width='1.5'/>";
    html += "<text x='" + format_number(left + width + 8, 0) + "' y='" + format_number(y + 14, 0) +
            "' font-size='12'>" + format_number(s.median, digits) + " (" + format_ratio(s.median, plain) +
            ")</text>";
    i++;
  }
  html += "</svg></div>";
}

// Only when the workload reported a throughput in every mode.
void throughput_card(const Report &report, std::string &html) {
  for (const ModeReport *mode : modes_of(report))
    if (!mode->throughput)
      return;
  html += "<div class=card><div><b style='font-size:14px'>throughput (" + escaped(report.plain.throughput_unit) +
          ")</b></div>";
  for (const ModeReport *mode : modes_of(report))
    html += "<div>" + mode->name + ": " + format_spread(*mode->throughput, 1) + " (" +
            format_ratio(mode->throughput->median, report.plain.throughput->median) + ")</div>";
  html += "</div>";
}

void costs(const Report &report, std::string &html) {
  html += "<h2>Cost of one event</h2><div class=cards>";
  auto card = [&](const std::string &value, const std::string &label, const std::string &note) {
    html += "<div class=card><b>" + value + "</b>" + label + "<div class=note>" + note + "</div></div>";
  };
  card(format_duration_ns(report.probe_cost.ns_per_probe_hit()), "per probe hit",
       "calibrated: empty function, " + std::to_string(report.probe_cost.calls) + " calls, probed minus plain / 2");
  card(format_duration_ns(report.span_cost.caller_ns_per_span), "per span (calling thread)",
       format_duration_ns(report.span_cost.cpu_ns_per_span) + " CPU with its export; calibrated on " +
           std::to_string(report.span_cost.calls) + " spans");
  card(in_program(report.probe_hit_cpu_ns_in_program), "CPU per probe hit in this program",
       "median CPU (ebpf - plain) / hits per run");
  card(in_program(report.span_cpu_ns_in_program), "CPU per instrumented call in this program",
       "median CPU (instrumented - plain) / calls the metrics counted per run, start-up included");
  html += "</div>";
}

} // namespace

std::string report_html(const Report &report) {
  std::string html = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>orch verify</title><style>";
  html += kStyle;
  html += "</style></head><body><h1>orch verify</h1><div class=sub>plain <code>" + escaped(report.options.plain) +
          "</code> &middot; instrumented <code>" + escaped(report.options.instrumented) + "</code> &middot; " +
          std::to_string(report.options.runs) + " runs per mode, interleaved</div>";
  html += report.all_verified() ? "<div class='verdict ok'>verified: " : "<div class='verdict bad'>not verified: ";
  html += escaped(status_summary(report)) + "</div>";
  for (const std::string &problem : report.problems)
    html += "<div class=problem>" + escaped(problem) + "</div>";
  function_table(report, html);
  call_site_table(report, html);
  notes(report, html);
  html += "<h2>Overhead (median, min-max whiskers, ratio to plain)</h2><div class=cards>";
  overhead_chart(report, "wall time (s)", &ModeReport::wall_s, 4, html);
  overhead_chart(report, "CPU time, user + sys (s)", &ModeReport::cpu_s, 4, html);
  overhead_chart(report, "max RSS (KB)", &ModeReport::max_rss_kb, 0, html);
  throughput_card(report, html);
  html += "</div>";
  costs(report, html);
  html += "<div class=note>probes: " + std::to_string(report.probe_count) +
          (report.uprobe_multi ? " (uprobe_multi)" : " (perf events)") + ", attach " +
          format_number(report.attach_s.median, 3) + " s, detach " + format_number(report.detach_s.median, 3) +
          " s &middot; spans dropped (counts unaffected): " + std::to_string(report.spans_dropped) +
          " &middot; sites counted in the metrics per run: " + std::to_string(median_count(report.metric_sites_per_run)) +
          "</div>";
  html += "</body></html>\n";
  return html;
}

} // namespace orch::verify
