// Span `attributes`: build-time templates go into the site's static attribute
// array (key, value pairs, placeholders expanded); `{arg:NAME}` and `{arg:N}`
// are read at run time through span.attr(). A parameter of a type orch cannot
// record, or a name that is no parameter, is skipped with a note in explain.
// `kind: client` is SpanKind 3.
// RUN: env ORCH_CONFIG=%S/Inputs/advice-attrs.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/advice-attrs.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/advice-attrs.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/advice-attrs.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <string>
#include <vector>

struct Db {
  // CHECK: int lookup(const std::string &key, int limit, std::vector<int> user) { static const char *const __orch_static_attrs_16_72[] = {"db.system", "sqlite", "code.owner", "Db in {{/.*}}span-attributes.cpp"}; static ::orch_site __orch_site_16_72 = {ORCH_SITE_VERSION, ORCH_KIND_CLIENT, "Db::lookup", "Db::lookup", "{{.*}}span-attributes.cpp", [[@LINE+1]]u, 2u, __orch_static_attrs_16_72, ORCH_W_NULL, 0u}; ::orch::weave::ScopedSpan __orch_span_16_72(&__orch_site_16_72); __orch_span_16_72.attr("db.key", key); __orch_span_16_72.attr("db.limit", limit);  return static_cast<int>(key.size()) + limit + static_cast<int>(user.size()); }
  int lookup(const std::string &key, int limit, std::vector<int> user) { return static_cast<int>(key.size()) + limit + static_cast<int>(user.size()); }
};

int main() { std::printf("%d\n", Db().lookup("abc", 10, {1, 2})); }

// EXPLAIN: Db::lookup (method): instrumented by aspect 'attrs'
// EXPLAIN-NEXT: note: attribute 'db.user': parameter 'user' of type 'std::vector<int>' is not recordable
// EXPLAIN-NEXT: note: attribute 'db.missing': no parameter 'nope'
// OUT: 15
// OUT-NEXT: exit=0
