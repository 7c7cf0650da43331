// Small hand-built batches shared by the encoder tests.
#pragma once

#include <array>
#include <cstring>

#include "span_data.h"

namespace orch::test {

using rt::AttrType;
using rt::AttrView;

inline AttrView str_attr(std::string_view key, std::string_view v) {
  AttrView a;
  a.key = key;
  a.type = AttrType::String;
  a.str = v;
  return a;
}
inline AttrView int_attr(std::string_view key, int64_t v) {
  AttrView a;
  a.key = key;
  a.type = AttrType::Int;
  a.i = v;
  return a;
}
inline AttrView double_attr(std::string_view key, double v) {
  AttrView a;
  a.key = key;
  a.type = AttrType::Double;
  a.d = v;
  return a;
}
inline AttrView bool_attr(std::string_view key, bool v) {
  AttrView a;
  a.key = key;
  a.type = AttrType::Bool;
  a.b = v;
  return a;
}

// trace id 01..10, span id 11..18, a root span; everything else at its default.
inline rt::SpanView basic_span() {
  rt::SpanView s;
  for (int i = 0; i < 16; ++i) s.trace_id[i] = static_cast<uint8_t>(i + 1);
  for (int i = 0; i < 8; ++i) s.span_id[i] = static_cast<uint8_t>(0x11 + i);
  return s;
}

}  // namespace orch::test
