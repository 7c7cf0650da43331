#pragma once

// In the shared library: called by the program's instrumented call sites, by
// its uninstrumented code, and from inside the library.
int shared_scale(int x);
int shared_scale_twice(int x);
