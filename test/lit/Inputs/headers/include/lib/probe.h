// __has_include("...") looks beside this file: a copy elsewhere would differ.
#if __has_include("detail/impl.h")
namespace lib {
inline int probe() { return 2; }
}  // namespace lib
#endif
