// Regression (fixed): `orch explain` gives the wrong reason for a coroutine: "never
// instrumented: no body" (the body is a CoroutineBodyStmt, not a CompoundStmt,
// so the "no body" rule fires before the "coroutine" one). Expected:
// "never instrumented: coroutine" (the reason the rule in function_facts.cpp has
// for it). The rewrite itself is right (see coroutine.cpp).
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++20 -c %s | FileCheck %s --check-prefix=EXPLAIN
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

Gen count(int n) { for (int i = 0; i < n; ++i) co_yield i * 10; }

int drain() { Gen g = count(3); int sum = 0; while (!g.h.done()) { g.h.resume(); if (!g.h.done()) { std::printf("%d\n", g.h.promise().value); sum += g.h.promise().value; } } g.h.destroy(); return sum; }

int main() { return drain() == 30 ? 0 : 1; }

// EXPLAIN: count (function): not instrumented
// EXPLAIN-NEXT: never instrumented: coroutine
// EXPLAIN: drain (function): instrumented by aspect 'all'

