// A project header: inline functions, methods defined in the class body, a
// function template and a class template, included by several units.
#pragma once
#include "detail/impl.h"

#include <cassert>

namespace lib {
inline int twice(int x) { return detail::plus_one(x) * 2 - 2; }

struct Counter {
  int bump() { return ++n_; }
  int n_ = 0;
};

template <typename T> T biggest(T a, T b) { return a < b ? b : a; }

template <typename T> struct Box {
  T get() const { return v; }
  T v;
};

inline const char *file() { return __FILE__; }
inline int line() { return __LINE__; }
inline void check(bool ok) { assert(ok && "lib::check"); }
}  // namespace lib
