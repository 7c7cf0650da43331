// The second unit: reaches util.h through a relative path from src/.
#include "../include/lib/util.h"

int other() {
  lib::Counter c;
  c.bump();
  return lib::twice(c.bump()) + lib::biggest(1.5, 2.5) + lib::Box<long>{4}.get();
}
