// Under the project directory but found through -isystem: a system header.
namespace lib {
inline int sys() { return 5; }
}  // namespace lib
