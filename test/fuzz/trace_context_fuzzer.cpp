// libFuzzer target: traceparent and tracestate headers as a request brings
// them. The input is "traceparent\ntracestate". A parsed value formats back to
// text that parses to the same value; no crash, no hang.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "core/trace_context.h"
#include "core/tracestate.h"

namespace {

void check(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "round trip: %s\n", what);
    std::abort();
  }
}

void fuzz_traceparent(std::string_view value) {
  orch_span_context ctx{};
  if (!orch::rt::parse_traceparent(value, ctx)) return;
  check(orch::rt::context_is_valid(ctx), "a parsed traceparent is valid");
  char text[orch::rt::kTraceparentLength];
  orch::rt::format_traceparent(ctx, text);
  orch_span_context again{};
  check(orch::rt::parse_traceparent(std::string_view(text, sizeof text), again), "formatted traceparent parses");
  check(std::memcmp(ctx.trace_id, again.trace_id, sizeof ctx.trace_id) == 0 &&
            std::memcmp(ctx.span_id, again.span_id, sizeof ctx.span_id) == 0 && ctx.trace_flags == again.trace_flags,
        "traceparent keeps ids and flags");
}

void fuzz_tracestate(std::string_view header) {
  orch_tracestate ts{};
  if (!orch::rt::parse_tracestate(header, ts)) return;
  std::string text(orch::rt::tracestate_length(ts), '\0');
  orch::rt::format_tracestate(ts, text.data());
  orch_tracestate again{};
  check(orch::rt::parse_tracestate(text, again), "formatted tracestate parses");
  std::string text_again(orch::rt::tracestate_length(again), '\0');
  orch::rt::format_tracestate(again, text_again.data());
  check(text == text_again, "tracestate formats the same twice");
  // Every member can be looked up, replaced and removed.
  for (size_t i = 0; i < ts.count; ++i) {
    const std::string key(ts.members[i].key, ts.members[i].key_len);
    check(orch::rt::tracestate_get(again, key) != nullptr, "member found");
    check(orch::rt::tracestate_set(again, key, "v"), "member replaced");
    check(orch::rt::tracestate_remove(again, key), "member removed");
  }
  const orch::rt::SharedTraceState *shared = orch::rt::SharedTraceState::make(ts);
  check(!shared || shared->text() == text, "shared text is the formatted text");
  orch::rt::SharedTraceState::release(shared);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view input(reinterpret_cast<const char *>(data), size);
  const size_t newline = input.find('\n');
  fuzz_traceparent(input.substr(0, newline));
  fuzz_tracestate(newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1));
  return 0;
}
