/* A C source that tests include directly (cJSON's tests do `#include "../cJSON.c"`). */
#include "helpers.h"

int scaled(int v) { return clamp(v, 0, 10) * 3; }
