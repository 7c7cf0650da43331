/* The C function of the known-counts program: a plain, unmangled symbol. */
__attribute__((noinline)) int c_sum(int a, int b)
{
  __asm__ volatile("" ::: "memory");
  return a + b;
}
