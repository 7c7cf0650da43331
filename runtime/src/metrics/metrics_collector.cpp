#include "metrics/metrics_collector.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "demangle.h"

namespace orch::rt {
namespace {

constexpr size_t kMaxExemplars = 4;  // per point

}  // namespace

MetricsCollector::ErrorTotals &MetricsCollector::SiteTotals::error(const std::string &type, bool mangled) {
  for (ErrorTotals &e : errors)
    if (e.mangled == mangled && e.type == type) return e;
  errors.push_back({type, mangled, 0, {}});
  return errors.back();
}

MetricsCollector::MetricsCollector(const MetricsConfig &config, uint64_t start_unix_nano)
    : temporality_(temporality_for(config.temporality)),
      histograms_(config.histogram, config.explicit_bounds),
      operations_(temporality_, histograms_),
      start_unix_nano_(start_unix_nano),
      last_collect_unix_nano_(start_unix_nano) {}

void MetricsCollector::add(SiteTotals &into, const SiteCell &cell) {
  into.calls += cell.calls.get();
  into.durations.add(cell.durations);
  for (const ErrorSeries *e = cell.errors.load(std::memory_order_acquire); e; e = e->next.load(std::memory_order_acquire)) {
    ErrorTotals &t = into.error(e->error_type, e->mangled);
    t.errors += e->errors.get();
    t.durations.add(e->durations);
  }
}

void MetricsCollector::add(SiteTotals &into, const SiteTotals &more) {
  into.calls += more.calls;
  into.durations.add(more.durations);
  for (const ErrorTotals &e : more.errors) {
    ErrorTotals &t = into.error(e.type, e.mangled);
    t.errors += e.errors;
    t.durations.add(e.durations);
  }
}

void MetricsCollector::retire(const ThreadMetrics &m) {
  m.for_each_cell([this](uint32_t id, const SiteCell &c) { add(retired_[id], c); });
  operations_.retire(m.operations);
}

void MetricsCollector::add_spans(std::span<const MeteredSpan> spans, bool exported) {
  const double seconds_per_tick = tick_seconds();
  for (const MeteredSpan &s : spans) {
    uint32_t id = registered_site_id(s.site);
    if (!id && !(id = register_site(s.site))) continue;
    SiteTotals &t = spans_[id];
    Samples &samples = samples_[id];
    ++t.calls;
    DurationTotals *d = &t.durations;
    std::vector<SpanSample> *latest = &samples.ok;
    if (s.failed) {
      const bool mangled = s.error_type && s.error_type_mangled;
      const std::string key = s.error_type ? s.error_type : kOtherErrorType;
      ErrorTotals &e = t.error(key, mangled);
      ++e.errors;
      d = &e.durations;
      latest = &samples.errors[{key, mangled}];
    }
    const uint64_t ticks = s.end_ticks - s.start_ticks;
    d->add_one(ticks, seconds_per_tick);
    if (!exported) continue;
    if (latest->size() == kMaxExemplars) latest->erase(latest->begin());
    SpanSample &x = latest->emplace_back();
    x.end_ticks = s.end_ticks;
    x.duration_ticks = ticks;
    std::memcpy(x.trace_id, s.trace_id, 16);
    std::memcpy(x.span_id, s.span_id, 8);
  }
}

void MetricsCollector::make_exemplars(const TickClock &clock) {
  exemplars_.clear();
  auto views = [&](const std::vector<SpanSample> &samples, std::vector<ExemplarView> &out) {
    for (const SpanSample &s : samples) {
      ExemplarView &x = out.emplace_back();
      std::memcpy(x.trace_id, s.trace_id, 16);
      std::memcpy(x.span_id, s.span_id, 8);
      x.time_unix_nano = clock.to_unix_nano(s.end_ticks);
      x.value = static_cast<double>(s.duration_ticks) * clock.seconds_per_tick();
    }
  };
  for (const auto &[id, samples] : samples_) {
    Exemplars &x = exemplars_[id];
    views(samples.ok, x.ok);
    for (const auto &[series, list] : samples.errors) views(list, x.errors[series]);
  }
  // A delta point's exemplars are from its interval.
  if (temporality_ == Temporality::Delta) samples_.clear();
}

std::span<const AttrView> MetricsCollector::site_attributes(const SiteInfo &site, const std::string *error_type) {
  std::vector<AttrView> &a = attrs_.emplace_back();
  a.push_back(str_attr("code.function.name", site.function));
  a.push_back(str_attr("code.file.path", site.file));
  AttrView line;
  line.key = "code.line.number";
  line.type = AttrType::Int;
  line.i = site.line;
  a.push_back(line);
  a.push_back(str_attr("orch.site.name", site.name));
  if (error_type) a.push_back(str_attr("error.type", *error_type));
  return a;
}

void MetricsCollector::add_points(const SiteInfo &site, const SiteTotals &now, const SiteTotals *before,
                                  const TickClock &clock, uint64_t start, uint64_t time) {
  const bool delta = temporality_ == Temporality::Delta;
  if (!delta && now.calls == 0) return;
  Family &f = site.call_site ? call_sites_ : functions_;
  const Exemplars *x = nullptr;
  if (auto it = exemplars_.find(site.id); it != exemplars_.end()) x = &it->second;
  static const DurationTotals kNone;

  std::span<const AttrView> attrs = site_attributes(site, nullptr);
  const uint64_t calls = now.calls - (before ? before->calls : 0);
  if (calls || !delta) f.calls.push_back({attrs, start, time, static_cast<int64_t>(calls)});
  histograms_.add(f.histogram, attrs, now.durations, before ? &before->durations : nullptr,
                  x ? x->ok : std::span<const ExemplarView>(), clock, start, time);
  for (const ErrorTotals &e : now.errors) {
    const ErrorTotals *was = nullptr;
    if (before)
      for (const ErrorTotals &b : before->errors)
        if (b.mangled == e.mangled && b.type == e.type) was = &b;
    const uint64_t errors = e.errors - (was ? was->errors : 0);
    const std::string &type = strings_.emplace_back(e.mangled ? demangle(e.type) : e.type);
    std::span<const AttrView> error_attrs = site_attributes(site, &type);
    if (errors || !delta) f.errors.push_back({error_attrs, start, time, static_cast<int64_t>(errors)});
    std::span<const ExemplarView> ex;
    if (x)
      if (auto it = x->errors.find({e.type, e.mangled}); it != x->errors.end()) ex = it->second;
    histograms_.add(f.histogram, error_attrs, e.durations, was ? &was->durations : before ? &kNone : nullptr, ex, clock,
                    start, time);
  }
}

std::span<const MetricView> MetricsCollector::collect(std::span<const ThreadMetrics *const> threads,
                                                      const TickClock &clock, uint64_t now_unix_nano) {
  functions_ = {};
  call_sites_ = {};
  attrs_.clear();
  strings_.clear();
  histograms_.clear();
  metrics_.clear();

  std::unordered_map<uint32_t, SiteTotals> totals = retired_;
  for (const auto &[id, t] : spans_) add(totals[id], t);
  for (const ThreadMetrics *m : threads) m->for_each_cell([&](uint32_t id, const SiteCell &c) { add(totals[id], c); });
  make_exemplars(clock);

  const bool delta = temporality_ == Temporality::Delta;
  const uint64_t start = delta ? last_collect_unix_nano_ : start_unix_nano_;
  for (const SiteInfo *site : registered_sites()) {
    auto it = totals.find(site->id);
    if (it == totals.end()) continue;
    const SiteTotals *before = nullptr;
    if (delta)
      if (auto r = reported_.find(site->id); r != reported_.end()) before = &r->second;
    add_points(*site, it->second, before, clock, start, now_unix_nano);
  }
  if (delta) reported_ = std::move(totals);
  last_collect_unix_nano_ = now_unix_nano;

  auto family = [&](const Family &f, std::string_view what) {
    auto sum = [&](std::string_view suffix, std::string_view description, std::string_view unit,
                   const std::vector<SumPointView> &points) {
      if (points.empty()) return;
      MetricView m;
      m.name = strings_.emplace_back(std::string(what) + std::string(suffix));
      m.description = description;
      m.unit = unit;
      m.type = MetricType::Sum;
      m.temporality = temporality_;
      m.sum_points = points;
      metrics_.push_back(m);
    };
    sum(".calls", "Calls, whether their span was sampled or not.", "{call}", f.calls);
    sum(".errors", "Calls that failed (an exception, or a return value that means failure), by error.type.", "{error}",
        f.errors);
    if (f.histogram.empty()) return;
    metrics_.push_back(histograms_.metric(f.histogram, strings_.emplace_back(std::string(what) + ".duration"),
                                          "Duration of calls; error.type on failed ones.", "s", temporality_));
  };
  family(functions_, "orch.function");
  family(call_sites_, "orch.call_site");
  operations_.collect(threads, clock, start, now_unix_nano, metrics_);
  return metrics_;
}

}  // namespace orch::rt
