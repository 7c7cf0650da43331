namespace lib {
inline int excluded() { return 8; }
}  // namespace lib
