// Reached through `#include MACRO`: the directive cannot be rewritten.
namespace lib {
inline int computed() { return 1; }
}  // namespace lib
