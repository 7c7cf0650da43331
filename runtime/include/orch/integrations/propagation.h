/* W3C trace context for the built-in integrations (C++): the runtime's
 * functions (liborch_runtime.so exports them; the program does not link it,
 * the weave header loads it), an incoming context attached for a scope, and
 * the current context as outgoing headers. */
#ifndef ORCH_INTEGRATIONS_PROPAGATION_H
#define ORCH_INTEGRATIONS_PROPAGATION_H

#include "../weave.h"

#pragma GCC system_header

#include <string>

namespace orch {
namespace integrations {

struct propagation {
  int (*parse)(const char *, size_t, orch_span_context *) = nullptr;
  void *(*attach)(const orch_span_context *, const char *, size_t) = nullptr;
  void (*detach)(void *) = nullptr;
  int (*current)(orch_span_context *) = nullptr;
  int (*span_context)(const orch_span *, orch_span_context *) = nullptr;
  size_t (*format)(const orch_span_context *, char *, size_t) = nullptr;
  size_t (*current_tracestate)(char *, size_t) = nullptr;

  static const propagation &get() {
    static const propagation p = [] {
      propagation out;
      (void)orch_w_api(); /* loads the runtime if the start-up constructor could not */
      load(out.parse, "orch_traceparent_parse");
      load(out.attach, "orch_context_attach_tracestate");
      load(out.detach, "orch_context_detach");
      load(out.current, "orch_current_context");
      load(out.span_context, "orch_span_get_context");
      load(out.format, "orch_traceparent_format");
      load(out.current_tracestate, "orch_current_tracestate");
      return out;
    }();
    return p;
  }

private:
  template <class F> static void load(F &f, const char *name) {
    void *sym = dlsym(RTLD_DEFAULT, name);
    if (sym) memcpy(&f, &sym, sizeof f);
  }
};

/* An incoming traceparent (and tracestate), attached for the lifetime of this
 * object when valid: spans started meanwhile on this thread are its children.
 * Absent or malformed: nothing attached (a new trace). */
class incoming_context {
public:
  incoming_context(const std::string &traceparent, const std::string &tracestate) {
    const propagation &p = propagation::get();
    orch_span_context ctx;
    if (traceparent.empty() || !p.parse || !p.attach || !p.parse(traceparent.data(), traceparent.size(), &ctx)) return;
    token_ = p.attach(&ctx, tracestate.data(), tracestate.size());
  }
  ~incoming_context() {
    if (token_) propagation::get().detach(token_);
  }
  incoming_context(const incoming_context &) = delete;
  incoming_context &operator=(const incoming_context &) = delete;

private:
  void *token_ = nullptr;
};

/* The current context as `traceparent: ...` and `tracestate: ...` header
 * lines (the second empty when there is none); both empty without a span. */
struct outgoing_headers {
  std::string traceparent, tracestate;

  static outgoing_headers current() {
    const propagation &p = propagation::get();
    orch_span_context ctx;
    return p.current && p.current(&ctx) ? of(ctx) : outgoing_headers();
  }

  /* A span that is not current (span_start_detached), started on this
   * thread under the current context (whose tracestate it carries). */
  static outgoing_headers of_span(const orch_span *span) {
    const propagation &p = propagation::get();
    orch_span_context ctx;
    return p.span_context && p.span_context(span, &ctx) ? of(ctx) : outgoing_headers();
  }

private:
  static outgoing_headers of(const orch_span_context &ctx) {
    outgoing_headers out;
    const propagation &p = propagation::get();
    char buf[512];
    if (!p.format) return out;
    if (size_t n = p.format(&ctx, buf, sizeof buf)) out.traceparent = "traceparent: " + std::string(buf, n);
    if (p.current_tracestate)
      if (size_t n = p.current_tracestate(buf, sizeof buf)) out.tracestate = "tracestate: " + std::string(buf, n);
    return out;
  }
};

}  // namespace integrations
}  // namespace orch

#endif
