#include "export/otlp_metrics_json.h"

#include "export/json_writer.h"

namespace orch::rt {
namespace {

void write_exemplar(JsonWriter &w, const ExemplarView &e) {
  w.raw("{\"timeUnixNano\":");
  w.quoted_number(e.time_unix_nano);
  w.raw(",\"asDouble\":");
  w.real(e.value);
  if (!id_is_zero(e.span_id, 8)) {
    w.raw(",\"spanId\":");
    w.hex(e.span_id, 8);
  }
  if (!id_is_zero(e.trace_id, 16)) {
    w.raw(",\"traceId\":");
    w.hex(e.trace_id, 16);
  }
  w.raw("}");
}

// The fields every data point has, after its opening brace.
template <class Point> void common_fields(JsonWriter &w, const Point &p) {
  w.raw("\"startTimeUnixNano\":");
  w.quoted_number(p.start_unix_nano);
  w.raw(",\"timeUnixNano\":");
  w.quoted_number(p.time_unix_nano);
  if (!p.attributes.empty()) {
    w.raw(",");
    w.attributes(p.attributes);
  }
}

// count, sum, min, max and exemplars of a histogram point.
template <class Point> void histogram_fields(JsonWriter &w, const Point &p) {
  w.raw(",\"count\":");
  w.quoted_number(p.count);
  if (p.count) {
    w.raw(",\"sum\":");
    w.real(p.sum);
    w.raw(",\"min\":");
    w.real(p.min);
    w.raw(",\"max\":");
    w.real(p.max);
  }
  if (!p.exemplars.empty()) {
    w.raw(",\"exemplars\":");
    w.array(p.exemplars, [&](const ExemplarView &e) { write_exemplar(w, e); });
  }
}

void write_bucket_counts(JsonWriter &w, std::span<const uint64_t> counts) {
  w.raw("\"bucketCounts\":");
  w.array(counts, [&](uint64_t c) { w.quoted_number(c); });
}

void write_sum_point(JsonWriter &w, const SumPointView &p) {
  w.raw("{");
  common_fields(w, p);
  w.raw(",\"asInt\":");
  w.quoted_number(p.value);
  w.raw("}");
}

void write_explicit_point(JsonWriter &w, const ExplicitPointView &p) {
  w.raw("{");
  common_fields(w, p);
  histogram_fields(w, p);
  w.raw(",");
  write_bucket_counts(w, p.bucket_counts);
  w.raw(",\"explicitBounds\":");
  w.array(p.explicit_bounds, [&](double b) { w.real(b); });
  w.raw("}");
}

void write_exponential_point(JsonWriter &w, const ExponentialPointView &p) {
  w.raw("{");
  common_fields(w, p);
  histogram_fields(w, p);
  w.raw(",\"scale\":");
  w.number(p.scale);
  w.raw(",\"zeroCount\":");
  w.quoted_number(p.zero_count);
  w.raw(",\"positive\":{\"offset\":");
  w.number(p.positive_offset);
  w.raw(",");
  write_bucket_counts(w, p.positive_counts);
  w.raw("}}");
}

void write_metric(JsonWriter &w, const MetricView &m) {
  w.raw("{\"name\":");
  w.quoted(m.name);
  if (!m.description.empty()) {
    w.raw(",\"description\":");
    w.quoted(m.description);
  }
  if (!m.unit.empty()) {
    w.raw(",\"unit\":");
    w.quoted(m.unit);
  }
  switch (m.type) {
  case MetricType::Sum:
    w.raw(",\"sum\":{\"dataPoints\":");
    w.array(m.sum_points, [&](const SumPointView &p) { write_sum_point(w, p); });
    w.raw(m.monotonic ? ",\"isMonotonic\":true" : ",\"isMonotonic\":false");
    break;
  case MetricType::Histogram:
    w.raw(",\"histogram\":{\"dataPoints\":");
    w.array(m.explicit_points, [&](const ExplicitPointView &p) { write_explicit_point(w, p); });
    break;
  case MetricType::ExponentialHistogram:
    w.raw(",\"exponentialHistogram\":{\"dataPoints\":");
    w.array(m.exponential_points, [&](const ExponentialPointView &p) { write_exponential_point(w, p); });
    break;
  }
  w.raw(",\"aggregationTemporality\":");
  w.number(static_cast<int>(m.temporality));
  w.raw("}}");
}

}  // namespace

void encode_otlp_metrics_json(std::span<const MetricView> metrics, const ResourceView &resource,
                              std::string &out) {
  out.clear();
  JsonWriter w(out);
  write_otlp_json_request(w, resource, "resourceMetrics", "scopeMetrics", "metrics", metrics,
                          [&](const MetricView &m) { write_metric(w, m); });
}

}  // namespace orch::rt
