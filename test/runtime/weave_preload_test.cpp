// A woven unit in a program that is not linked with the runtime, as orch
// builds programs: orch/weave.h loads the runtime library when the program
// starts, and the runtime still reads its configuration at the first span.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "orch/stats.h"
#include "orch/weave.h"

namespace {

void traced() {
  static orch_site site = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "traced", "traced", __FILE__, __LINE__, 0,
                           nullptr, nullptr, 0};
  orch::weave::ScopedSpan span(&site);
}

orch_stats stats() {
  orch_stats s{};
  void *sym = dlsym(RTLD_DEFAULT, "orch_stats_get");
  size_t (*get)(orch_stats *, size_t) = nullptr;
  std::memcpy(&get, &sym, sizeof get);
  if (get) get(&s, sizeof s);
  return s;
}

TEST(WeavePreload, TheRuntimeIsLoadedBeforeTheFirstSpan) {
  EXPECT_NE(dlopen(ORCH_RUNTIME_PATH, RTLD_NOW | RTLD_NOLOAD), nullptr) << "not loaded when main started";
}

// libcurl and the libraries it needs cost ~13 ms of every process's start;
// the runtime loads it only for an https:// endpoint (issue 15).
TEST(WeavePreload, LoadingTheRuntimeDoesNotLoadLibcurl) {
  std::ifstream maps("/proc/self/maps");
  std::stringstream text;
  text << maps.rdbuf();
  EXPECT_EQ(text.str().find("libcurl"), std::string::npos);
  EXPECT_EQ(text.str().find("libssl"), std::string::npos);
}

TEST(WeavePreload, TheConfigurationIsReadAtTheFirstSpan) {
  setenv("OTEL_TRACES_EXPORTER", "none", 1);  // after the library was loaded: still applies
  traced();
  ASSERT_NE(dlsym(RTLD_DEFAULT, "orch_stats_get"), nullptr);
  EXPECT_EQ(stats().spans_published, 0u);
}

}  // namespace
