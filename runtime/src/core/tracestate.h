// W3C Trace Context tracestate (https://www.w3.org/TR/trace-context/#tracestate-header):
// the list-member grammar, parsing, updating and formatting behind the
// orch_tracestate_* functions of orch.h.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "orch/orch.h"

namespace orch::rt {

// key = simple-key / tenant-id "@" system-id (lower-case letters, digits, _ - * /).
bool tracestate_key_valid(std::string_view key);
// 1 to 256 printable ASCII characters except "," and "=", not ending in a space.
bool tracestate_value_valid(std::string_view value);

bool parse_tracestate(std::string_view header, orch_tracestate &out);
bool tracestate_set(orch_tracestate &ts, std::string_view key, std::string_view value);
const orch_tracestate_member *tracestate_get(const orch_tracestate &ts, std::string_view key);
bool tracestate_remove(orch_tracestate &ts, std::string_view key);
// The formatted length (without NUL), whatever the buffer.
size_t tracestate_length(const orch_tracestate &ts);
// Writes tracestate_length(ts) chars (no NUL) into out.
void format_tracestate(const orch_tracestate &ts, char *out);

// A formatted tracestate, immutable, shared by a remote context and every span
// under it. Spans outlive the context (they wait in the export queue after it
// was detached) and are exported on another thread: each holder owns one
// reference, the last release frees it.
class SharedTraceState {
public:
  // "k1=v1,k2=v2" with one reference; nullptr if `ts` is empty or out of memory.
  static const SharedTraceState *make(const orch_tracestate &ts) noexcept;

  std::string_view text() const { return text_; }
  const SharedTraceState *retain() const {
    refs_.fetch_add(1, std::memory_order_relaxed);
    return this;
  }
  // Accepts nullptr.
  static void release(const SharedTraceState *s);

private:
  explicit SharedTraceState(std::string text) : text_(std::move(text)) {}

  mutable std::atomic<uint32_t> refs_{1};
  const std::string text_;
};

}  // namespace orch::rt
