/* A GCC extension Clang cannot parse (a nested function); no aspect names anything here. */
int outer(int x) {
  int inner(int y) { return y * 2; }
  return inner(x);
}
