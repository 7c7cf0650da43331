#include <math.h>
int twice(int x);
int main(void) { return twice((int)sqrt(441.0)) == 42 ? 0 : 1; }
