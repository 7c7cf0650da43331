// The shared-library part of the known-counts program.
__attribute__((noinline)) int shared_square(int x) {
  asm volatile("" ::: "memory");
  return x * x;
}
