// Bodies that no compiler accepts: a unit including this compiles with no
// compiler, but orch's parse of it succeeds because it skips these bodies (and
// so never instantiates the template they name).
#pragma once
template <class T> struct sys_never_instantiated { static_assert(sizeof(T) == 0, "instantiated"); };
inline int sys_body_never_parsed() { return sizeof(sys_never_instantiated<int>); }
