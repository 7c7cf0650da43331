// A wrapper found first on the include path, handing over with #include_next.
#include_next <lib/wrap.h>
namespace lib {
inline int wrapped() { return base() + 1; }
}  // namespace lib
