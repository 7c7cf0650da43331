// --html: one self-contained page (inline CSS, SVG and script, no network
// assets) that fits a 1400 px window: the verdict, a line per status, the
// overhead charts and the cost of one event first; then the problems with
// their evidence; then every function and call site, most calls first, in
// tables with a filter box and sortable columns.
#include <algorithm>
#include <cmath>

#include "verify/report.h"
#include "verify/report_format.h"
#include "verify/report_order.h"

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
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

const char kStyle[] = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1360px;padding:0 16px;color:#1d2330;background:#f7f8fa}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.sub{color:#5b6474;font-size:13px}.verdict{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;margin:12px 0}
.ok{background:#dcf5e3;color:#135c2b}.bad{background:#fde2e1;color:#8a1c17}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px #0002;font-size:13px;width:100%;table-layout:fixed}
th,td{padding:5px 8px;border-bottom:1px solid #e7e9ee;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
th{background:#eef0f4;font-weight:600}table.sortable th{cursor:pointer;user-select:none}
table.sortable th:after{content:" \2195";color:#9aa1af;font-weight:400}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.st{padding:2px 7px;border-radius:10px;font-size:12px;font-weight:600}
.match{background:#dcf5e3;color:#135c2b}.mismatch{background:#fde2e1;color:#8a1c17}
.inlined,.partly-inlined{background:#fff1cc;color:#7a5300}.no-symbol,.uncounted,.not-called{background:#e8e9ee;color:#4a5060}
.bar{height:7px;border-radius:3px;margin:2px 0}.bp{background:#e07b39}.bs{background:#3b7dd8}
.legend span{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 12px;vertical-align:middle}
.cards{display:flex;gap:16px;flex-wrap:wrap}.card{background:#fff;box-shadow:0 1px 2px #0002;border-radius:6px;padding:12px 16px}
.card b{font-size:20px;display:block}.note{color:#5b6474;font-size:12px;margin-top:6px}
.problem{background:#fde2e1;color:#8a1c17;padding:6px 10px;border-radius:4px;margin:4px 0;white-space:pre-wrap;font-size:13px}
.evidence{white-space:normal;font-size:12px;color:#4a5060}
input.filter{font-size:13px;padding:5px 8px;width:320px;margin:0 0 8px;border:1px solid #c9ced8;border-radius:4px}
)";

// Sorting by a column (numbers by their data-v) and filtering by text, for
// the tables of class `sortable` with a `filter` box naming them.
const char kScript[] = R"(
document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th').forEach(function(th,column){
    th.addEventListener('click',function(){
      var rows=Array.prototype.slice.call(table.tBodies[0].rows),down=th.dataset.down!=='1';
      th.dataset.down=down?'1':'0';
      rows.sort(function(a,b){
        var x=a.cells[column],y=b.cells[column],vx=x.dataset.v,vy=y.dataset.v,c;
        c=vx!==undefined?parseFloat(vx)-parseFloat(vy):x.textContent.localeCompare(y.textContent);
        return down?-c:c;});
      rows.forEach(function(row){table.tBodies[0].appendChild(row);});});});});
document.querySelectorAll('input.filter').forEach(function(input){
  input.addEventListener('input',function(){
    var words=input.value.toLowerCase();
    Array.prototype.forEach.call(document.getElementById(input.dataset.table).tBodies[0].rows,function(row){
      row.style.display=row.textContent.toLowerCase().indexOf(words)<0?'none':'';});});});
)";

// Width of a latency bar: log scale from 10 ns to the largest value.
double bar_percent(uint64_t ns, double log_max) {
  if (ns == 0 || log_max <= 1)
    return 0;
  return std::max(2.0, 100.0 * std::log10(std::max<double>(ns, 10)) / log_max);
}

std::string number_cell(uint64_t value) {
  return "<td class=n data-v='" + std::to_string(value) + "'>" + std::to_string(value) + "</td>";
}

std::string count_cell(const std::optional<uint64_t> &count) {
  return count ? number_cell(*count) : "<td class=n data-v='-1'>-</td>";
}

std::string latency_cell(uint64_t p50, uint64_t p99, bool shown) {
  if (!shown)
    return "<td class=n data-v='-1'>-</td>";
  return "<td class=n data-v='" + std::to_string(p50) + "'>" + format_duration_ns(static_cast<double>(p50)) + " / " +
         format_duration_ns(static_cast<double>(p99)) + "</td>";
}

std::string status_cell(const FunctionReport &row) {
  return "<td><span class='st " + row.status + "'>" + escaped(status_label(row)) + "</span></td>";
}

void summary(const Report &report, std::string &html) {
  html += "<table style='width:auto;margin-bottom:8px'><thead><tr><th>status</th><th class=n>functions</th>"
          "<th class=n>call sites</th><th>what it says</th></tr></thead><tbody>";
  for (const StatusCount &count : status_counts(report))
    html += "<tr><td><span class='st " + count.status + "'>" + count.status + "</span></td>" +
            number_cell(count.functions) + number_cell(count.call_sites) + "<td>" +
            escaped(status_meaning(count.status)) + "</td></tr>";
  html += "</tbody></table>";
}

void problems(const Report &report, std::string &html) {
  const auto rows = problem_rows(report);
  if (report.problems.empty() && rows.empty())
    return;
  html += "<h2>Problems</h2>";
  for (const std::string &problem : report.problems)
    html += "<div class=problem>" + escaped(problem) + "</div>";
  for (const auto &[name, row] : rows) {
    std::string per_run, copies, symbols;
    for (size_t run = 0; run < row->probe_calls_per_run.size(); run++)
      per_run += " " + std::to_string(row->probe_calls_per_run[run]) + "/" +
                 (run < row->metric_calls_per_run.size() ? std::to_string(row->metric_calls_per_run[run]) : "-");
    for (const std::string &copy : row->probed_copies)
      copies += (copies.empty() ? "" : ", ") + copy;
    for (const std::string &symbol : row->symbols)
      symbols += (symbols.empty() ? "" : ", ") + symbol;
    html += "<div class=problem><b>" + escaped(name) + "</b>: " + escaped(row->status) + ", probes/metrics per run:" +
            per_run + "<div class=evidence>at " + escaped(row->file) + ":" + std::to_string(row->line) +
            "; copies probed: " + escaped(copies.empty() ? "none" : copies) +
            "; symbols: " + escaped(symbols) +
            "; inlined sites: " + std::to_string(row->inlined_sites) + "</div></div>";
  }
}

void function_table(const Report &report, std::string &html) {
  if (report.functions.empty())
    return;
  uint64_t largest = 10;
  for (const FunctionReport &f : report.functions)
    largest = std::max({largest, f.probe_p50_ns, f.duration_p50_ns});
  double log_max = std::log10(static_cast<double>(largest));
  html += "<h2>Functions</h2><input class=filter data-table=functions placeholder='filter: name, status, file'>"
          "<div class=legend>most calls first; click a column to sort &middot; p50 latency (log scale):"
          "<span class=bp></span>probe (log2 bucket upper bound)<span class=bs></span>orch.function.duration "
          "(bucket midpoint)</div>"
          "<table id=functions class=sortable><colgroup><col style='width:30%'><col style='width:15%'>"
          "<col style='width:8%'><col style='width:8%'><col style='width:7%'><col style='width:12%'>"
          "<col style='width:12%'><col style='width:8%'></colgroup><thead><tr><th>function</th><th>status</th>"
          "<th class=n>probe calls</th><th>metric calls</th><th class=n>abandoned</th><th class=n>probe p50 / p99</th>"
          "<th class=n>orch p50 / p99</th><th>p50</th></tr></thead><tbody>";
  for (const FunctionReport *f : by_calls(report.functions))
    html += "<tr><td title='" + escaped(f->name + " (" + (f->symbols.empty() ? "" : f->symbols.front()) + ") at " +
                                        f->file + ":" + std::to_string(f->line)) +
            "'>" + escaped(f->name) + "</td>" + status_cell(*f) + number_cell(f->probe_calls) +
            count_cell(f->metric_calls) + number_cell(f->abandoned) +
            latency_cell(f->probe_p50_ns, f->probe_p99_ns, f->probe_calls > 0) +
            latency_cell(f->duration_p50_ns, f->duration_p99_ns, f->metric_calls.value_or(0) > 0) +
            "<td data-v='" + std::to_string(f->duration_p50_ns) + "'><div class='bar bp' style='width:" +
            format_number(bar_percent(f->probe_p50_ns, log_max), 1) + "%'></div><div class='bar bs' style='width:" +
            format_number(bar_percent(f->duration_p50_ns, log_max), 1) + "%'></div></td></tr>";
  html += "</tbody></table><div class=note>Calls are medians over the runs; probe calls are entries (completed + "
          "abandoned by an exception); metric calls are orch.function.calls; - where the site counts no calls. "
          "orch p50 / p99: the runtime's duration histogram of all runs (calls without a span are timed one in "
          "about ORCH_METRICS_TIME_ONE_IN).</div>";
}

void call_site_table(const Report &report, std::string &html) {
  if (report.call_sites.empty())
    return;
  html += "<h2>Call sites</h2><input class=filter data-table=call-sites placeholder='filter: caller, callee, status'>"
          "<table id=call-sites class=sortable><colgroup><col style='width:40%'><col style='width:15%'>"
          "<col style='width:10%'><col style='width:10%'><col style='width:10%'><col style='width:15%'></colgroup>"
          "<thead><tr><th>call site</th><th>status</th><th class=n>probe calls</th><th>metric calls</th>"
          "<th class=n>callee calls</th><th class=n>orch p50 / p99</th></tr></thead><tbody>";
  for (const FunctionReport *c : by_calls(report.call_sites))
    html += "<tr><td title='" + escaped(call_site_name(*c) + " (" + (c->symbols.empty() ? "" : c->symbols.front()) +
                                        ")") +
            "'>" + escaped(call_site_name(*c)) + "</td>" + status_cell(*c) + number_cell(c->probe_calls) +
            count_cell(c->metric_calls) + number_cell(c->callee_calls) +
            latency_cell(c->duration_p50_ns, c->duration_p99_ns, c->metric_calls.value_or(0) > 0) + "</tr>";
  html += "</tbody></table><div class=note>Probe calls are the callee's entries that returned to the call (placed by "
          "their return address); callee calls are its entries from any caller; metric calls are "
          "orch.call_site.calls.</div>";
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
          "</b></div><svg width='380' height='100' role='img' aria-label='" + title + "'>";
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
  summary(report, html);
  html += "<div class=note>instrumented runs: " + escaped(report.instrumented_setup) + "</div>";
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
          " &middot; metrics file at most " + std::to_string(report.metrics_file_bytes) + " bytes</div>";
  problems(report, html);
  function_table(report, html);
  call_site_table(report, html);
  notes(report, html);
  html += "<script>";
  html += kScript;
  html += "</script></body></html>\n";
  return html;
}

} // namespace orch::verify
