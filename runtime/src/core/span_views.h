// Turns finished Records into the SpanViews exporters read: converts ticks to
// Unix nanoseconds, adds code.function.name / code.file.path /
// code.line.number and the site's static attributes, applies "last value
// wins" for repeated keys and the attribute count limit, and demangles
// exception types. Runs on the exporter thread; its buffers are reused from
// batch to batch, so a warm builder does not allocate.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "clock.h"
#include "core/record.h"
#include "span_data.h"

namespace orch::rt {

class SpanViewBuilder {
public:
  explicit SpanViewBuilder(uint32_t attribute_count_limit) : limit_(attribute_count_limit) {}

  // Views valid until the next build(); they point into the records.
  std::span<const SpanView> build(std::span<const Record *const> records, const TickClock &clock);

private:
  void add_attributes(const Record &r, SpanView &v);
  void add_events(const Record &r, const TickClock &clock);
  std::string_view demangled(const std::string &type);

  uint32_t limit_;
  std::vector<SpanView> spans_;
  std::vector<AttrView> attrs_;
  std::vector<EventView> events_;
  struct Range {
    size_t begin, count;
  };
  std::vector<Range> span_attrs_, span_events_, event_attrs_;
  std::unordered_map<std::string, std::string> demangled_;
};

}  // namespace orch::rt
