#pragma once
#include <vector>

namespace demo {
class Shape;

constexpr int square(int x) { return x * x; }
int fib(int n);
double total_area(const std::vector<const Shape *> &shapes);
}  // namespace demo
