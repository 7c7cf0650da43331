#include "core/span_views.h"

#include <cstring>

#include "core/ids.h"
#include "demangle.h"

namespace orch::rt {
namespace {

AttrView int_attr(std::string_view key, int64_t value) {
  AttrView a;
  a.key = key;
  a.type = AttrType::Int;
  a.i = value;
  return a;
}

AttrView inline_attr(const Record &r, int i) {
  const InlineAttr &in = r.attrs[i];
  AttrView a;
  a.key = in.key;
  a.type = r.attr_type(i);
  switch (a.type) {
  case AttrType::String: a.str = {r.str + in.str.offset, in.str.len}; break;
  case AttrType::Int: a.i = in.i; break;
  case AttrType::Double: a.d = in.d; break;
  case AttrType::Bool: a.b = in.b; break;
  }
  return a;
}

}  // namespace

std::string_view SpanViewBuilder::demangled(const std::string &type) {
  auto it = demangled_.find(type);
  if (it != demangled_.end()) return it->second;
  return demangled_.emplace(type, demangle(type)).first->second;
}

void SpanViewBuilder::add_attributes(const Record &r, SpanView &v) {
  const size_t begin = attrs_.size();
  const orch_site *site = r.site;
  if (site->function) attrs_.push_back(str_attr("code.function.name", site->function));
  if (site->file) attrs_.push_back(str_attr("code.file.path", site->file));
  if (site->line) attrs_.push_back(int_attr("code.line.number", site->line));
  for (uint32_t i = 0; site->static_attrs && i < site->n_static_attrs; ++i) {
    const char *key = site->static_attrs[2 * i], *value = site->static_attrs[2 * i + 1];
    if (key && value) attrs_.push_back(str_attr(key, value));
  }
  for (int i = 0; i < r.n_attrs; ++i) attrs_.push_back(inline_attr(r, i));
  if (r.ext) attrs_.insert(attrs_.end(), r.ext->attrs.begin(), r.ext->attrs.end());

  // A key set twice keeps its last value (OpenTelemetry SetAttribute).
  size_t out = begin;
  for (size_t i = begin; i < attrs_.size(); ++i) {
    bool overwritten = false;
    for (size_t j = i + 1; j < attrs_.size() && !overwritten; ++j)
      overwritten = attrs_[j].key.data() == attrs_[i].key.data() || attrs_[j].key == attrs_[i].key;
    if (!overwritten) attrs_[out++] = attrs_[i];
  }
  attrs_.resize(out);
  size_t count = out - begin;
  v.dropped_attributes_count = r.dropped_attrs;
  if (count > limit_) {
    v.dropped_attributes_count += static_cast<uint32_t>(count - limit_);
    attrs_.resize(begin + limit_);
    count = limit_;
  }
  span_attrs_.push_back({begin, count});
}

void SpanViewBuilder::add_events(const Record &r, const TickClock &clock) {
  const size_t begin = events_.size();
  if (r.ext) {
    for (const auto &e : r.ext->events) {
      EventView ev;
      ev.name = "exception";
      ev.time_unix_nano = clock.to_unix_nano(e.ticks);
      const size_t abegin = attrs_.size();
      attrs_.push_back(str_attr("exception.type", demangled(e.type)));
      if (e.has_message) attrs_.push_back(str_attr("exception.message", e.message));
      event_attrs_.push_back({abegin, attrs_.size() - abegin});
      events_.push_back(ev);
    }
  }
  span_events_.push_back({begin, events_.size() - begin});
}

std::span<const SpanView> SpanViewBuilder::build(std::span<const Record *const> records, const TickClock &clock) {
  spans_.clear();
  attrs_.clear();
  events_.clear();
  span_attrs_.clear();
  span_events_.clear();
  event_attrs_.clear();
  for (const Record *r : records) {
    SpanView v;
    std::memcpy(v.trace_id, r->trace_id, 16);
    std::memcpy(v.span_id, r->span_id, 8);
    std::memcpy(v.parent_span_id, r->parent_span_id, 8);
    v.trace_flags = r->trace_flags;
    if (r->trace_state) v.trace_state = r->trace_state->text();
    v.name = r->site->name ? r->site->name : "";
    const uint32_t kind = r->site->kind;
    v.kind = static_cast<uint8_t>(kind >= ORCH_KIND_INTERNAL && kind <= ORCH_KIND_CONSUMER ? kind : 1u);
    v.start_unix_nano = clock.to_unix_nano(r->start_ticks);
    v.end_unix_nano = clock.to_unix_nano(r->end_ticks);
    if (v.end_unix_nano < v.start_unix_nano) v.end_unix_nano = v.start_unix_nano;
    v.status = r->status;
    if (r->ext) v.status_message = r->ext->status_message;
    add_attributes(*r, v);
    add_events(*r, clock);
    spans_.push_back(v);
  }
  // The arenas are complete: point the views into them.
  for (size_t e = 0; e < events_.size(); ++e)
    events_[e].attributes = {attrs_.data() + event_attrs_[e].begin, event_attrs_[e].count};
  for (size_t s = 0; s < spans_.size(); ++s) {
    spans_[s].attributes = {attrs_.data() + span_attrs_[s].begin, span_attrs_[s].count};
    spans_[s].events = {events_.data() + span_events_[s].begin, span_events_[s].count};
  }
  return spans_;
}

}  // namespace orch::rt
