// Reached from util.h through a quoted include relative to util.h's directory,
// and from units directly under other spellings: an include guard.
#ifndef LIB_DETAIL_IMPL_H
#define LIB_DETAIL_IMPL_H
namespace lib {
namespace detail {
inline int plus_one(int x) { return x + 1; }
}  // namespace detail
}  // namespace lib
#endif
