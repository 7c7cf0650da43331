// The sample: shapes (classes, virtual methods), math (recursion, a template,
// a lambda, a constexpr function), workers (threads), settings (an exception
// through two functions), a C function and a noexcept function.
#include <cassert>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "checksum.h"
#include "math.h"
#include "settings.h"
#include "shapes.h"
#include "workers.h"

static_assert(demo::square(4) == 16, "constexpr functions stay constexpr");

namespace demo {
int report(const char *what, double value) noexcept { return std::printf("%s = %g\n", what, value); }
}  // namespace demo

int main() {
  demo::Circle circle(1.0);
  demo::Square square(2.0);
  std::vector<const demo::Shape *> shapes = {&circle, &square};
  demo::report("total area", demo::total_area(shapes));
  demo::report("fib(6)", demo::fib(6));
  demo::report("workers", static_cast<double>(demo::run_workers(2, 3)));
  try {
    demo::load_settings("-5");
  } catch (const std::invalid_argument &e) {
    std::printf("rejected: %s\n", e.what());
  }
  demo::report("settings", demo::load_settings("21"));
  demo::report("checksum", demo_checksum("orch"));
  assert(demo::square(3) == 9);
  return 0;
}
