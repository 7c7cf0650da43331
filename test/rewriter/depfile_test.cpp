#include "launcher/depfile.h"

#include <gtest/gtest.h>

TEST(Depfile, NamesTheOriginalSourceAndAddsAspectFiles) {
  std::string in = "obj/a.o: /b/obj/a.o.orch/a.cpp /usr/include/stdio.h \\\n  src/a.h\n";
  std::string out = orch::fix_depfile_text(in, {{"/b/obj/a.o.orch/a.cpp", "src/a.cpp"}}, {"/p/orch.yaml", "/p/my aspects.yaml"});
  EXPECT_EQ(out, "obj/a.o: src/a.cpp /usr/include/stdio.h \\\n  src/a.h \\\n  /p/orch.yaml \\\n  /p/my\\ aspects.yaml\n");
}

TEST(Depfile, ExtraDependenciesGoToTheFirstRuleOnly) {
  std::string in = "a.o: t/a.cpp a.h\na.h:\n";  // -MP adds phony rules
  std::string out = orch::fix_depfile_text(in, {{"t/a.cpp", "a.cpp"}}, {"orch.yaml"});
  EXPECT_EQ(out, "a.o: a.cpp a.h \\\n  orch.yaml\na.h:\n");
}

TEST(Depfile, HeaderCopiesNameTheirOriginalsAsWholePaths) {
  std::string in = "a.o: /o/a.o.orch/a.cpp /o/a.o.orch/orch-headers/x.h \\\n /o/a.o.orch/orch-headers/x.hpp\n"
                   "/o/a.o.orch/orch-headers/x.h:\n";
  std::string out = orch::fix_depfile_text(
      in, {{"/o/a.o.orch/a.cpp", "a.cpp"}, {"/o/a.o.orch/orch-headers/x.h", "inc dir/x.h"}}, {});
  EXPECT_EQ(out, "a.o: a.cpp inc\\ dir/x.h \\\n /o/a.o.orch/orch-headers/x.hpp\ninc\\ dir/x.h:\n");
}
