#include <lib/core.h>

int main() {
  printf("%d %d\n", lib::version(), lib::cfg());
  return 0;
}
