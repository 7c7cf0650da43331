#include "math.h"

#include "shapes.h"

namespace demo {

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

template <typename T, typename F> T sum(const std::vector<const Shape *> &shapes, F value) {
  T total{};
  for (const Shape *s : shapes) total += value(*s);
  return total;
}

double total_area(const std::vector<const Shape *> &shapes) {
  return sum<double>(shapes, [](const Shape &s) { return s.area(); });
}

}  // namespace demo
