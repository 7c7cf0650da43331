#include "core/tracestate.h"

#include <cstring>
#include <new>

namespace orch::rt {
namespace {

bool lcalpha(char c) { return c >= 'a' && c <= 'z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool key_char(char c) { return lcalpha(c) || digit(c) || c == '_' || c == '-' || c == '*' || c == '/'; }

// First character from `first`, then up to max_len - 1 key characters.
bool key_part(std::string_view s, size_t max_len, bool (*first)(char)) {
  if (s.empty() || s.size() > max_len || !first(s[0])) return false;
  for (char c : s.substr(1))
    if (!key_char(c)) return false;
  return true;
}

bool tenant_first(char c) { return lcalpha(c) || digit(c); }

bool ows(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && ows(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view key_of(const orch_tracestate_member &m) { return {m.key, m.key_len}; }

orch_tracestate_member member(std::string_view key, std::string_view value) {
  return {key.data(), key.size(), value.data(), value.size()};
}

}  // namespace

bool tracestate_key_valid(std::string_view key) {
  const size_t at = key.find('@');
  if (at == std::string_view::npos) return key_part(key, 256, lcalpha);
  return key_part(key.substr(0, at), 241, tenant_first) && key_part(key.substr(at + 1), 14, lcalpha);
}

bool tracestate_value_valid(std::string_view value) {
  if (value.empty() || value.size() > 256 || value.back() == ' ') return false;
  for (char c : value)
    if (c < 0x20 || c > 0x7e || c == ',' || c == '=') return false;
  return true;
}

bool parse_tracestate(std::string_view header, orch_tracestate &out) {
  orch_tracestate ts;
  ts.count = 0;
  while (true) {
    const size_t comma = header.find(',');
    const std::string_view item = trim_ows(header.substr(0, comma));
    if (!item.empty()) {
      const size_t eq = item.find('=');
      if (eq == std::string_view::npos || ts.count == ORCH_TRACESTATE_MAX_MEMBERS) break;
      const std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
      if (!tracestate_key_valid(key) || !tracestate_value_valid(value) || tracestate_get(ts, key)) break;
      ts.members[ts.count++] = member(key, value);
    }
    if (comma == std::string_view::npos) {
      out = ts;
      return true;
    }
    header.remove_prefix(comma + 1);
  }
  out.count = 0;
  return false;
}

const orch_tracestate_member *tracestate_get(const orch_tracestate &ts, std::string_view key) {
  for (uint32_t i = 0; i < ts.count; ++i)
    if (key_of(ts.members[i]) == key) return &ts.members[i];
  return nullptr;
}

bool tracestate_remove(orch_tracestate &ts, std::string_view key) {
  const orch_tracestate_member *m = tracestate_get(ts, key);
  if (!m) return false;
  const size_t i = m - ts.members;
  std::memmove(&ts.members[i], &ts.members[i + 1], (ts.count - i - 1) * sizeof ts.members[0]);
  --ts.count;
  return true;
}

bool tracestate_set(orch_tracestate &ts, std::string_view key, std::string_view value) {
  if (!tracestate_key_valid(key) || !tracestate_value_valid(value)) return false;
  tracestate_remove(ts, key);
  if (ts.count == ORCH_TRACESTATE_MAX_MEMBERS) --ts.count;  // the rightmost member goes
  std::memmove(&ts.members[1], &ts.members[0], ts.count * sizeof ts.members[0]);
  ts.members[0] = member(key, value);
  ++ts.count;
  return true;
}

size_t tracestate_length(const orch_tracestate &ts) {
  size_t n = 0;
  for (uint32_t i = 0; i < ts.count; ++i) n += ts.members[i].key_len + 1 + ts.members[i].value_len;
  return ts.count ? n + ts.count - 1 : 0;
}

void format_tracestate(const orch_tracestate &ts, char *out) {
  for (uint32_t i = 0; i < ts.count; ++i) {
    const orch_tracestate_member &m = ts.members[i];
    if (i) *out++ = ',';
    out = static_cast<char *>(std::memcpy(out, m.key, m.key_len)) + m.key_len;
    *out++ = '=';
    out = static_cast<char *>(std::memcpy(out, m.value, m.value_len)) + m.value_len;
  }
}

const SharedTraceState *SharedTraceState::make(const orch_tracestate &ts) noexcept {
  const size_t n = tracestate_length(ts);
  if (n == 0) return nullptr;
  try {
    std::string text(n, '\0');
    format_tracestate(ts, text.data());
    return new SharedTraceState(std::move(text));
  } catch (...) {
    return nullptr;
  }
}

void SharedTraceState::release(const SharedTraceState *s) {
  if (s && s->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete s;
}

}  // namespace orch::rt
