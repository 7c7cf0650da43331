// The places the runtime counts calls at, as its metrics name them: every
// manifest function, then every call site.
#pragma once

#include <string>
#include <vector>

#include "verify/manifest.h"

namespace orch::verify {

struct Site {
  bool call_site = false;
  std::string function; // code.function.name: the function, or a call site's caller
  std::string file;     // code.file.path
  unsigned line = 0;    // code.line.number
  bool counts_calls = true;
};

// The manifest's functions, then its calls, in its order.
std::vector<Site> sites_of(const Manifest &manifest);

// Sites whose code.* attributes another site of the same kind has too
// (orch.function.calls and orch.call_site.calls apart): their metrics cannot
// be told apart.
struct SharedPlaces {
  std::vector<bool> metrics; // per site
};
SharedPlaces shared_places(const std::vector<Site> &sites);

} // namespace orch::verify
