#pragma once
#ifdef __cplusplus
extern "C" {
#endif
/* A C function, instrumented through the C launcher. */
unsigned demo_checksum(const char *text);
#ifdef __cplusplus
}
#endif
