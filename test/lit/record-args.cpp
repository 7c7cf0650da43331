// `record-args: true` records every named parameter as arg.NAME (integers,
// floating point, bool, enums, const char*, std::string, std::string_view);
// unnamed parameters and unrecordable types are skipped (noted in explain).
// `record-args: [b, 0, zz]` records the listed ones, by name or position.
// RUN: env ORCH_CONFIG=%S/Inputs/record-args.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/record-args.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/record-args.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/record-args.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <string>
#include <string_view>

enum class Color { red, green };
struct Opaque { int v; };

// CHECK: int all_kinds(int i, double d, bool b, Color c, const char *s, const std::string &str, std::string_view sv, Opaque o, int) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_17_124(&__orch_site_17_124); __orch_span_17_124.attr("arg.i", i); __orch_span_17_124.attr("arg.d", d); __orch_span_17_124.attr("arg.b", b); __orch_span_17_124.attr("arg.c", c); __orch_span_17_124.attr("arg.s", s); __orch_span_17_124.attr("arg.str", str); __orch_span_17_124.attr("arg.sv", sv);
int all_kinds(int i, double d, bool b, Color c, const char *s, const std::string &str, std::string_view sv, Opaque o, int) {
  return i + static_cast<int>(d) + b + static_cast<int>(c) + (s ? 1 : 0) + static_cast<int>(str.size() + sv.size()) + o.v;
}

// CHECK: int some_args(int a, int b, int c) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_22_36(&__orch_site_22_36); __orch_span_22_36.attr("arg.b", b); __orch_span_22_36.attr("arg.a", a);
int some_args(int a, int b, int c) { return a * 100 + b * 10 + c; }

int main() {
  std::printf("%d\n", all_kinds(1, 2.5, true, Color::green, nullptr, "ab", "cde", Opaque{4}, 0));
  std::printf("%d\n", some_args(1, 2, 3));
}

// EXPLAIN: all_kinds (function): instrumented by aspect 'all-args'
// EXPLAIN-NEXT: note: attribute 'arg.o': parameter 'o' of type 'Opaque' is not recordable
// EXPLAIN: some_args (function): instrumented by aspect 'some-args'
// EXPLAIN-NEXT: note: record-args: no parameter 'zz'
// OUT: 14
// OUT-NEXT: 123
// OUT-NEXT: exit=0
