namespace lib {
inline int base() { return 3; }
}  // namespace lib
