#pragma once
namespace lib {
inline int sv_version() { return 100; }
}  // namespace lib
