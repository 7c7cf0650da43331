// The project's own header: its bodies are parsed and instrumented.
#pragma once
#include <sys_lib.h>
inline int sb_in_header(int a) { return sys_loud(a) + 1; }
