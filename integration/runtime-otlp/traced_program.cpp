// A small program that reaches liborch_runtime through its C ABI the way
// woven code does, for the end-to-end OTLP tests.
//
//   traced_program            one trace with every kind of data orch records,
//                             then one continuing a remote parent with its
//                             tracestate (see check-trace.js); prints
//                             "result: 42", exits 7
//   traced_program rounds     reads "round N" lines from stdin; for each, ends
//                             one span named "round-N", flushes (1 s) and
//                             prints "round N exported=0|1"
#include <orch/orch.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace {

const orch_api_v1 *api() { return orch_runtime_api_v1(); }

orch_site make_site(orch_span_kind kind, const char *name, uint32_t line) {
  return orch_site{ORCH_SITE_VERSION, static_cast<uint32_t>(kind), name, name, __FILE__, line, 0, nullptr, nullptr, 0};
}

// RAII span, as the weave header would do it.
class Span {
public:
  explicit Span(const orch_site &site) { api()->span_start(&span_, &site); }
  ~Span() {
    if (span_.rec) span_.api->span_end(&span_);
  }
  orch_span *operator->() { return &span_; }
  orch_span *get() { return &span_; }

private:
  orch_span span_{};
};

int query_database() {
  static const char *const kStatic[] = {"db.system", "sqlite"};
  static orch_site site{ORCH_SITE_VERSION, ORCH_KIND_CLIENT, "db.query", "query_database", __FILE__, __LINE__,
                        1, kStatic, nullptr, 0};
  Span span(site);
  api()->attr_str(span.get(), "db.statement", "SELECT 1", 8);
  api()->attr_i64(span.get(), "db.rows", 0);
  return 1;
}

void parse_input() {
  static orch_site site = make_site(ORCH_KIND_INTERNAL, "parse_input", __LINE__);
  Span span(site);
  api()->attr_str(span.get(), "text.utf8", "caf\xc3\xa9 \xe2\x82\xac", 9);
  api()->attr_str(span.get(), "text.empty", "", 0);
  query_database();
}

void fail_with_exception() {
  static orch_site site = make_site(ORCH_KIND_INTERNAL, "fail_with_exception", __LINE__);
  Span span(site);
  api()->exception(span.get(), "std::runtime_error", "disk on fire");
}

void fail_with_status() {
  static orch_site site = make_site(ORCH_KIND_INTERNAL, "fail_with_status", __LINE__);
  Span span(site);
  api()->set_error(span.get(), "bad input");
}

void messaging() {
  static orch_site produce = make_site(ORCH_KIND_PRODUCER, "publish", __LINE__);
  static orch_site consume = make_site(ORCH_KIND_CONSUMER, "consume", __LINE__);
  { Span p(produce); }
  { Span c(consume); }
}

int one_trace() {
  static orch_site site = make_site(ORCH_KIND_SERVER, "handle_request", __LINE__);
  Span root(site);
  api()->attr_str(root.get(), "http.request.method", "GET", 3);
  api()->attr_i64(root.get(), "int.positive", 42);
  api()->attr_i64(root.get(), "int.negative", -7);
  api()->attr_i64(root.get(), "int.max", INT64_MAX);
  api()->attr_i64(root.get(), "int.min", INT64_MIN);
  api()->attr_f64(root.get(), "double.value", 2.5);
  api()->attr_f64(root.get(), "double.small", -1.25e-9);
  api()->attr_bool(root.get(), "bool.true", 1);
  api()->attr_bool(root.get(), "bool.false", 0);
  parse_input();
  fail_with_exception();
  fail_with_status();
  messaging();
  return 42;
}

// What an integration does with an incoming request's headers.
void remote_request() {
  static orch_site site = make_site(ORCH_KIND_SERVER, "remote_request", __LINE__);
  static orch_site work = make_site(ORCH_KIND_INTERNAL, "remote_work", __LINE__);
  const char traceparent[] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  const char tracestate[] = " rojo=00f067aa0ba902b7 ,congo=t61rcWkgMzE";
  orch_span_context parent;
  if (!orch_traceparent_parse(traceparent, sizeof traceparent - 1, &parent)) return;
  void *token = orch_context_attach_tracestate(&parent, tracestate, sizeof tracestate - 1);
  {
    Span request(site);
    Span child(work);
  }
  orch_context_detach(token);
}

int rounds() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.rfind("round ", 0) != 0) continue;
    const std::string n = line.substr(6);
    // Sites and their names live as long as the program, as woven ones do:
    // the exporter may still read them after the flush below gave up.
    const auto *name = new std::string("round-" + n);
    const auto *site = new orch_site(make_site(ORCH_KIND_INTERNAL, name->c_str(), __LINE__));
    { Span span(*site); }
    const int ok = orch_flush(1000);
    std::printf("round %s exported=%d\n", n.c_str(), ok);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "rounds") == 0) return rounds();
  std::printf("result: %d\n", one_trace());
  remote_request();
  return 7;
}
