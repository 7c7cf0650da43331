// verify.interrupted: a program that takes its time (argv[1] seconds), so
// that `orch verify` can be interrupted in the middle of each mode.
#include <cstdlib>
#include <unistd.h>

__attribute__((noinline)) void nap(unsigned seconds) { sleep(seconds); }

int main(int argc, char **argv) {
  nap(argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 1);
  return 0;
}
