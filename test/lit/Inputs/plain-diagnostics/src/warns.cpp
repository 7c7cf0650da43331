#include <cstdio>

int f(int x, int y) {
  int unused;
  return x;
}

struct S {
  int v;
  int get(int z) { int w; return v; }
};

int main() { int z; S s{1}; return f(1, 2) + s.get(3) - 2; }
