// Coroutines are never instrumented (a span around a coroutine body would
// measure one resumption and break on co_return), and explain says so (it
// once said "no body"). The ordinary function calling it is instrumented; the
// program runs the same.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++20 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++20 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++20 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++20 | FileCheck %s --check-prefix=OUT
#include <coroutine>
#include <cstdio>

struct Gen {
  struct promise_type {
    int value = 0;
    Gen get_return_object() { return Gen{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { value = v; return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

// CHECK: {{^}}Gen count(int n) { for (int i = 0; i < n; ++i) co_yield i * 10; }{{$}}
Gen count(int n) { for (int i = 0; i < n; ++i) co_yield i * 10; }

// CHECK: int drain() { static ::orch_site {{.*}}"drain"
int drain() { Gen g = count(3); int sum = 0; while (!g.h.done()) { g.h.resume(); if (!g.h.done()) { std::printf("%d\n", g.h.promise().value); sum += g.h.promise().value; } } g.h.destroy(); return sum; }

int main() { return drain() == 30 ? 0 : 1; }

// OUT: 0
// OUT-NEXT: 10
// OUT-NEXT: 20
// OUT-NEXT: exit=0
// EXPLAIN: count (function): not instrumented
// EXPLAIN-NEXT: never instrumented: coroutine
// EXPLAIN: drain (function): instrumented by aspect
