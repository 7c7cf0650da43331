// The other symbols of a constructor or destructor: the Itanium C++ ABI emits
// complete (C1, D1), base (C2, D2) and allocating (C3) variants and a
// deleting destructor (D0), and a call may enter any of them (`delete p`
// through a base pointer enters D0, which the manifest does not name).
#pragma once

#include <string>
#include <vector>

namespace orch::bpf {

// The other variants' names of `symbol`; none when it is not a constructor or
// destructor.
std::vector<std::string> structor_variants(const std::string &symbol);

} // namespace orch::bpf
