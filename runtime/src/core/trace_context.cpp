#include "core/trace_context.h"

#include "core/ids.h"

namespace orch::rt {
namespace {

bool all_zero(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (p[i]) return false;
  return true;
}

bool is_lcalpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// key = simple-key / multi-tenant-key
// simple-key = lcalpha 0*255( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
// multi-tenant-key = tenant-id "@" system-id
// tenant-id = ( lcalpha / DIGIT ) 0*240( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
// system-id = lcalpha 0*13( lcalpha / DIGIT / "_" / "-"/ "*" / "/" )
bool key_char(char c) {
  return is_lcalpha(c) || is_digit(c) || c == '_' || c == '-' || c == '*' || c == '/';
}
bool valid_key(std::string_view key) {
  size_t at = key.find('@');
  auto part_ok = [](std::string_view p, bool digit_first, size_t max_len) {
    if (p.empty() || p.size() > max_len) return false;
    if (!(is_lcalpha(p[0]) || (digit_first && is_digit(p[0])))) return false;
    for (char c : p)
      if (!key_char(c)) return false;
    return true;
  };
  if (at == std::string_view::npos) return part_ok(key, false, 256);
  return part_ok(key.substr(0, at), true, 241) && part_ok(key.substr(at + 1), false, 14);
}

// value = 0*255(chr) nblk-chr ; chr = %x20 / nblk-chr ; nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
bool valid_value(std::string_view v) {
  if (v.empty() || v.size() > 256 || v.back() == ' ') return false;
  for (char c : v)
    if (c < 0x20 || c > 0x7e || c == ',' || c == '=') return false;
  return true;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool context_is_valid(const orch_span_context &ctx) {
  return !all_zero(ctx.trace_id, 16) && !all_zero(ctx.span_id, 8);
}

void format_traceparent(const orch_span_context &ctx, char out[kTraceparentLength]) {
  out[0] = '0';
  out[1] = '0';
  out[2] = '-';
  hex_encode(ctx.trace_id, 16, out + 3);
  out[35] = '-';
  hex_encode(ctx.span_id, 8, out + 36);
  out[52] = '-';
  hex_encode(&ctx.trace_flags, 1, out + 53);
}

bool parse_traceparent(std::string_view v, orch_span_context &out) {
  if (v.size() < kTraceparentLength) return false;
  uint8_t version;
  if (!hex_decode_lower(v.data(), 1, &version) || version == 0xff) return false;
  // Version 00 has exactly this length; future versions may append "-...".
  if (version == 0 && v.size() != kTraceparentLength) return false;
  if (version != 0 && v.size() > kTraceparentLength && v[kTraceparentLength] != '-') return false;
  if (v[2] != '-' || v[35] != '-' || v[52] != '-') return false;
  orch_span_context ctx{};
  if (!hex_decode_lower(v.data() + 3, 16, ctx.trace_id) || !hex_decode_lower(v.data() + 36, 8, ctx.span_id) ||
      !hex_decode_lower(v.data() + 53, 1, &ctx.trace_flags))
    return false;
  if (!context_is_valid(ctx)) return false;
  ctx.is_remote = 1;
  out = ctx;
  return true;
}

bool tracestate_is_valid(std::string_view value) {
  int members = 0;
  while (true) {
    size_t comma = value.find(',');
    std::string_view member = trim_ows(value.substr(0, comma));
    if (!member.empty()) {
      size_t eq = member.find('=');
      if (eq == std::string_view::npos || !valid_key(member.substr(0, eq)) || !valid_value(member.substr(eq + 1)))
        return false;
      if (++members > 32) return false;
    }
    if (comma == std::string_view::npos) return true;
    value.remove_prefix(comma + 1);
  }
}

}  // namespace orch::rt
