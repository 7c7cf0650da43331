// An inline function with a copy in the program and one in the library
// (linked -Bsymbolic, so the library's calls stay in its own copy).
#pragma once

namespace proof {

__attribute__((noinline)) inline int twice(int x) {
  asm volatile("" ::: "memory");
  return 2 * x;
}

int twice_in_library(int x); // calls twice twice, in the library's copy

} // namespace proof
