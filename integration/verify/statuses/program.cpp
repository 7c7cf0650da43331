// A function of each status of `orch verify` at -O2 -g with GCC (the calls
// are counted by the instrumented program's metrics; the probes are on the
// plain build):
//   proof::Resource::~Resource  match: deleted through a Base pointer, so
//     every call enters the deleting destructor (D0), not the D1 the
//     manifest names;
//   proof::scaled               partly-inlined: inlined into the flattened
//     loop, called out of line through a function pointer;
//   proof::clamp_small          inlined: a static helper inlined everywhere;
//   proof::weigh                match: called with factor 3 (GCC's
//     weigh.constprop.0 clone) and with another factor (the original);
//   proof::never_called         not-called;
//   proof::(anonymous namespace)::Shard::Shard  inlined: a constructor of a
//     class of an anonymous namespace, defined after its class (GCC's DWARF
//     gives the definition a line but no file, and no linkage name).
//   proof::twice                match: an inline function of shared.h with a
//     copy in the program (3 calls) and one in the library (2 calls).
#include <cstdio>
#include <cstdlib>

#include "shared.h"

#define KEEP() asm volatile("" ::: "memory")

namespace proof {

struct Base {
  virtual ~Base() = default;
  virtual int size() const = 0;
};

struct Resource : Base {
  explicit Resource(int n) : n_(n) {}
  ~Resource() override;
  int size() const override { return n_; }
  int n_;
};

Resource::~Resource() { KEEP(); }

// A second kind of Base, so that GCC cannot devirtualize `delete` (not instrumented: not in proof).
} // namespace proof
struct Other : proof::Base {
  int size() const override { return 1; }
};
namespace proof {

int scaled(int x) { return x * 7 + 1; }

static inline __attribute__((always_inline)) int clamp_small(int x) { return x > 100 ? 100 : x; }

static __attribute__((noinline)) int weigh(int value, int factor) {
  int sum = clamp_small(value);
  for (int i = 0; i < factor; i++) {
    sum += value ^ i;
    KEEP();
  }
  return sum;
}

__attribute__((noinline)) void never_called() { KEEP(); }

namespace {
struct Shard {
  Shard();
  int n;
};

Shard::Shard() : n(3) { KEEP(); }
} // namespace

__attribute__((noinline)) int sharded() {
  Shard shards[4];
  return shards[0].n + shards[3].n;
}

} // namespace proof

// Not instrumented: the callers.
__attribute__((flatten, noinline)) int inlined_loop(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    sum += proof::scaled(i);
    KEEP();
  }
  return sum;
}

int (*volatile scaled_pointer)(int) = proof::scaled;

int main(int argc, char **) {
  int sum = inlined_loop(3);                        // scaled: 3 inlined calls
  sum += scaled_pointer(1) + scaled_pointer(2);     // scaled: 2 calls out of line
  for (int i = 0; i < 6; i++) {                     // ~Resource: 4 calls through D0
    proof::Base *object = i % 3 == 2 ? static_cast<proof::Base *>(new Other) : new proof::Resource(i + argc);
    sum += object->size();
    delete object;
  }
  for (int i = 0; i < 5; i++)                       // weigh: 5 calls of the clone
    sum += proof::weigh(i, 3);
  sum += proof::weigh(sum & 7, argc + 10);          // weigh: 1 call of the original
  sum += proof::clamp_small(argc * 1000);           // clamp_small: 6 in weigh + 1 here
  sum += proof::sharded();                          // Shard::Shard: 4 calls, inlined
  for (int i = 0; i < 3; i++)                       // twice: 3 calls of the program's copy
    sum += proof::twice(i);
  sum += proof::twice_in_library(argc);             // twice: 2 calls of the library's copy
  std::printf("%d\n", sum);
  if (argc > 5)
    proof::never_called();
  return EXIT_SUCCESS;
}
