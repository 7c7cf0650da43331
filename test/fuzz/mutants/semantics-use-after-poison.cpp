// Same program, plus spans: a non-copyable non-movable type returned by prvalue
// (guaranteed elision) and a named local (NRVO) still compile and are not
// copied; overload resolution, operators, virtual dispatch, recursion and
// threads behave as in the plain build (compared run by run).
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %clangxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s --check-prefix=CLANG
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <thread>
#include <vector>

struct Pinned {
  explicit Pinned(int v) : v(v) {}
  Pinned(const Pinned &) = delete;
  Pinned(Pinned &&) = delete;
  int v;
};
// CHECK: Pinned make_pinned(int v) { static ::orch_site
Pinned make_pinned(int v) { return Pinned(v); }

static int copies = 0;
struct Counted {
  Counted() = default;
  Counted(const Counted &) { if (++copies > 100) throw copies; }  // may throw: make_counted needs the guard
  int v = 0;
};
// a named local: no try block with GCC (it would move instead of eliding); the guard detects
// unwinding instead. Clang elides inside a try block: the exception's type is recorded.
// CLANG: Counted make_counted() { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}}); try {  Counted c; c.v = 7; return c; } catch
// CHECK: Counted make_counted() { static ::orch_site {{[^;]*}}; ::orch::weave::UnwindAwareSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  Counted c; c.v = 7; return c; }
Counted make_counted() { Counted c; c.v = 7; return c; }

const char *which(int) { return "int"; }
const char *which(long) { return "long"; }
const char *which(const char *) { return "const char*"; }

struct Vec { int x, y; };
Vec operator+(Vec a, Vec b) { return {a.x + b.x, a.y + b.y}; }
bool operator==(Vec a, Vec b) { return a.x == b.x && a.y == b.y; }

struct Animal { virtual ~Animal() = default; virtual const char *speak() const { return "..."; } };
struct Dog : Animal { const char *speak() const override { return "woof"; } };

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void work(std::vector<int> &out, int i) { out[i] = fib(10 + i); }

int main() {
  Pinned p = make_pinned(3);
  Counted c = make_counted();
  std::printf("%d %d copies=%d\n", p.v, c.v, copies);
  std::printf("%s %s %s\n", which(1), which(1L), which("s"));
  std::printf("%s %s %s\n", which(1), which(1L), which("s"));
  Vec v = Vec{1, 2} + Vec{3, 4};
  std::printf("%d %d %d\n", v.x, v.y, v == Vec{4, 6});
  Dog d;
  const Animal &a = d;
  std::printf("%s\n", a.speak());
  std::vector<int> out(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back(work, std::ref(out), i);
  for (auto &t : threads) t.join();
  std::printf("%d %d %d %d\n", out[0], out[1], out[2], out[3]);
}
// OUT: 3 7 copies=0
// OUT-NEXT: int long const char*
// OUT-NEXT: 4 6 1
// OUT-NEXT: woof
// OUT-NEXT: 55 89 144 233
// OUT-NEXT: exit=0
