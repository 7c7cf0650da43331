#include "export/otlp_metrics_proto.h"

#include "export/proto_writer.h"

namespace orch::rt {
namespace {

// Field numbers from opentelemetry-proto (metrics/v1/metrics.proto).
namespace field {
constexpr uint32_t kMetricName = 1, kMetricDescription = 2, kMetricUnit = 3, kMetricSum = 7,
                   kMetricHistogram = 9, kMetricExponentialHistogram = 10;
// Sum, Histogram and ExponentialHistogram.
constexpr uint32_t kDataPoints = 1, kDataTemporality = 2, kSumMonotonic = 3;
// The three data points agree on these.
constexpr uint32_t kPointStart = 2, kPointTime = 3, kPointCount = 4, kPointSum = 5;
constexpr uint32_t kNumberAsInt = 6, kNumberAttributes = 7;
constexpr uint32_t kHistogramBucketCounts = 6, kHistogramBounds = 7, kHistogramExemplars = 8,
                   kHistogramAttributes = 9, kHistogramMin = 11, kHistogramMax = 12;
constexpr uint32_t kExponentialAttributes = 1, kExponentialScale = 6, kExponentialZeroCount = 7,
                   kExponentialPositive = 8, kExponentialExemplars = 11, kExponentialMin = 12,
                   kExponentialMax = 13;
constexpr uint32_t kBucketsOffset = 1, kBucketsCounts = 2;
constexpr uint32_t kExemplarTime = 2, kExemplarAsDouble = 3, kExemplarSpanId = 4, kExemplarTraceId = 5;
}  // namespace field

// Each message below is described once, as a template over its output: the
// first pass runs it on a Sizer, which records the size of every nested
// message in pre-order; the second on an Emitter, which writes the bytes
// and takes the sizes back in the same order.
class Sizer {
public:
  explicit Sizer(std::vector<uint32_t> &sizes) : sizes_(sizes) {}
  size_t size() const { return size_; }

  void fixed64(uint32_t field, uint64_t) { size_ += tag_size(field) + 8; }
  void double_field(uint32_t field, double) { size_ += tag_size(field) + 8; }
  void varint_field(uint32_t field, uint64_t v) { size_ += tag_size(field) + varint_size(v); }
  void bytes(uint32_t field, const uint8_t *, size_t n) { size_ += len_field_size(field, n); }
  void string(uint32_t field, std::string_view s) { size_ += string_field_size(field, s); }
  void attributes(uint32_t field, std::span<const AttrView> attrs) { size_ += attributes_size(field, attrs); }
  template <class T> void packed_fixed64(uint32_t field, std::span<const T> values) {
    size_ += len_field_size(field, 8 * values.size());
  }
  void packed_varint(uint32_t field, std::span<const uint64_t> values) {
    size_t payload = 0;
    for (uint64_t v : values) payload += varint_size(v);
    size_ += len_field_size(field, payload);
  }
  template <class Body> void message(uint32_t field, Body &&body) {
    const size_t slot = sizes_.size();
    sizes_.push_back(0);
    Sizer inner(sizes_);
    body(inner);
    sizes_[slot] = static_cast<uint32_t>(inner.size_);
    size_ += len_field_size(field, inner.size_);
  }

private:
  std::vector<uint32_t> &sizes_;
  size_t size_ = 0;
};

class Emitter {
public:
  Emitter(ProtoWriter &w, const uint32_t *sizes) : w_(w), next_size_(sizes) {}

  void fixed64(uint32_t field, uint64_t v) { w_.fixed64(field, v); }
  void double_field(uint32_t field, double v) { w_.double_field(field, v); }
  void varint_field(uint32_t field, uint64_t v) { w_.varint_field(field, v); }
  void bytes(uint32_t field, const uint8_t *data, size_t n) { w_.bytes(field, data, n); }
  void string(uint32_t field, std::string_view s) { w_.string(field, s); }
  void attributes(uint32_t field, std::span<const AttrView> attrs) { w_.attributes(field, attrs); }
  template <class T> void packed_fixed64(uint32_t field, std::span<const T> values) {
    w_.open(field, 8 * values.size());
    for (T v : values) w_.raw_fixed64(std::bit_cast<uint64_t>(v));
  }
  void packed_varint(uint32_t field, std::span<const uint64_t> values) {
    size_t payload = 0;
    for (uint64_t v : values) payload += varint_size(v);
    w_.open(field, payload);
    for (uint64_t v : values) w_.varint(v);
  }
  template <class Body> void message(uint32_t field, Body &&body) {
    w_.open(field, *next_size_++);
    body(*this);
  }

private:
  ProtoWriter &w_;
  const uint32_t *next_size_;
};

template <class Out> void exemplar(Out &o, const ExemplarView &e) {
  if (e.time_unix_nano) o.fixed64(field::kExemplarTime, e.time_unix_nano);
  o.double_field(field::kExemplarAsDouble, e.value);  // a oneof member: always present
  if (!id_is_zero(e.span_id, 8)) o.bytes(field::kExemplarSpanId, e.span_id, 8);
  if (!id_is_zero(e.trace_id, 16)) o.bytes(field::kExemplarTraceId, e.trace_id, 16);
}

template <class Out, class Point> void times(Out &o, const Point &p) {
  if (p.start_unix_nano) o.fixed64(field::kPointStart, p.start_unix_nano);
  if (p.time_unix_nano) o.fixed64(field::kPointTime, p.time_unix_nano);
}

template <class Out> void exemplars(Out &o, uint32_t field, std::span<const ExemplarView> all) {
  for (const ExemplarView &e : all) o.message(field, [&](auto &m) { exemplar(m, e); });
}

template <class Out> void sum_point(Out &o, const SumPointView &p) {
  times(o, p);
  o.fixed64(field::kNumberAsInt, static_cast<uint64_t>(p.value));  // sfixed64, a oneof member
  o.attributes(field::kNumberAttributes, p.attributes);
}

template <class Out> void explicit_point(Out &o, const ExplicitPointView &p) {
  times(o, p);
  if (p.count) {
    o.fixed64(field::kPointCount, p.count);
    o.double_field(field::kPointSum, p.sum);
  }
  if (!p.bucket_counts.empty()) o.packed_fixed64(field::kHistogramBucketCounts, p.bucket_counts);
  if (!p.explicit_bounds.empty()) o.packed_fixed64(field::kHistogramBounds, p.explicit_bounds);
  exemplars(o, field::kHistogramExemplars, p.exemplars);
  o.attributes(field::kHistogramAttributes, p.attributes);
  if (p.count) {
    o.double_field(field::kHistogramMin, p.min);
    o.double_field(field::kHistogramMax, p.max);
  }
}

template <class Out> void exponential_point(Out &o, const ExponentialPointView &p) {
  o.attributes(field::kExponentialAttributes, p.attributes);
  times(o, p);
  if (p.count) {
    o.fixed64(field::kPointCount, p.count);
    o.double_field(field::kPointSum, p.sum);
  }
  if (p.scale) o.varint_field(field::kExponentialScale, zigzag(p.scale));
  if (p.zero_count) o.fixed64(field::kExponentialZeroCount, p.zero_count);
  if (!p.positive_counts.empty()) {
    o.message(field::kExponentialPositive, [&](auto &b) {
      if (p.positive_offset) b.varint_field(field::kBucketsOffset, zigzag(p.positive_offset));
      b.packed_varint(field::kBucketsCounts, p.positive_counts);
    });
  }
  exemplars(o, field::kExponentialExemplars, p.exemplars);
  if (p.count) {
    o.double_field(field::kExponentialMin, p.min);
    o.double_field(field::kExponentialMax, p.max);
  }
}

// The Sum, Histogram or ExponentialHistogram message of a metric.
template <class Out, class Point, class Write>
void data(Out &o, const MetricView &m, std::span<const Point> points, Write &&write_point) {
  for (const Point &p : points) o.message(field::kDataPoints, [&](auto &dp) { write_point(dp, p); });
  o.varint_field(field::kDataTemporality, static_cast<uint64_t>(m.temporality));
  if (m.type == MetricType::Sum && m.monotonic) o.varint_field(field::kSumMonotonic, 1);
}

template <class Out> void metric(Out &o, const MetricView &m) {
  o.string(field::kMetricName, m.name);
  o.string(field::kMetricDescription, m.description);
  o.string(field::kMetricUnit, m.unit);
  switch (m.type) {
  case MetricType::Sum:
    o.message(field::kMetricSum, [&](auto &d) {
      data(d, m, m.sum_points, [](auto &dp, const SumPointView &p) { sum_point(dp, p); });
    });
    break;
  case MetricType::Histogram:
    o.message(field::kMetricHistogram, [&](auto &d) {
      data(d, m, m.explicit_points, [](auto &dp, const ExplicitPointView &p) { explicit_point(dp, p); });
    });
    break;
  case MetricType::ExponentialHistogram:
    o.message(field::kMetricExponentialHistogram, [&](auto &d) {
      data(d, m, m.exponential_points, [](auto &dp, const ExponentialPointView &p) { exponential_point(dp, p); });
    });
    break;
  }
}

}  // namespace

std::string_view OtlpMetricsProtoEncoder::encode(std::span<const MetricView> metrics,
                                                 const ResourceView &resource) {
  sizes_.clear();
  Sizer sizer(sizes_);
  for (const MetricView &m : metrics) sizer.message(kScopeItemsField, [&](auto &o) { metric(o, m); });
  ProtoWriter w = begin_otlp_request(buffer_, resource, sizer.size());
  Emitter emitter(w, sizes_.data());
  for (const MetricView &m : metrics) emitter.message(kScopeItemsField, [&](auto &o) { metric(o, m); });
  return {buffer_.data(), static_cast<size_t>(w.position() - buffer_.data())};
}

}  // namespace orch::rt
