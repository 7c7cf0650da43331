#include "launcher/plain_diagnostics.h"

#include <gtest/gtest.h>

// A diagnostic at the end of a unit shows the manifest's line, which holds one entry per
// instrumented function: hundreds of kilobytes on one line. Read without recursing per character.
TEST(PlainDiagnostics, AnExcerptOfAVeryLongLineIsShownAsTheCompilerGaveIt) {
  const orch::CompileCommand cmd = orch::classify({"g++", "-c", "a.cpp", "-o", "a.o"});
  const std::string long_line = "ORCH_W_MANIFEST(\"" + std::string(1 << 20, 'x') + "\");";
  orch::UnitRewrite rewrite;
  rewrite.text = "int f();\n" + long_line + "\n";
  const std::string diagnostics = "/o/a.o.orch/a.cpp:2:1: note: variable tracking size limit exceeded\n"
                                  "    2 | " + long_line + "\n"
                                  "      | ^\n";
  const std::string shown = orch::plain_diagnostics(cmd, diagnostics, "/o/a.o.orch/a.cpp", rewrite, "int f();\n");
  EXPECT_EQ(shown, "a.cpp:2:1: note: variable tracking size limit exceeded\n"
                   "    2 | " + long_line + "\n"
                   "      | ^\n");
}

// The rewritten unit has lines the source does not (the manifest's, at its end): a diagnostic
// there keeps the compiler's excerpt and carets.
TEST(PlainDiagnostics, CaretsUnderALineTheSourceDoesNotHaveAreShownAsTheCompilerGaveThem) {
  const orch::CompileCommand cmd = orch::classify({"g++", "-c", "a.cpp", "-o", "a.o"});
  orch::UnitRewrite rewrite;
  rewrite.text = "int f();\nORCH_W_MANIFEST(\"{}\");\n";
  const std::string diagnostics = "/o/a.o.orch/a.cpp:2:1: note: variable tracking size limit exceeded\n"
                                  "    2 | ORCH_W_MANIFEST(\"{}\");\n"
                                  "      | ^\n";
  const std::string shown = orch::plain_diagnostics(cmd, diagnostics, "/o/a.o.orch/a.cpp", rewrite, "int f();\n");
  EXPECT_EQ(shown, "a.cpp:2:1: note: variable tracking size limit exceeded\n"
                   "    2 | ORCH_W_MANIFEST(\"{}\");\n"
                   "      | ^\n");
}
