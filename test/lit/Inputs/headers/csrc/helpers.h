#ifndef CSRC_HELPERS_H
#define CSRC_HELPERS_H
static inline int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
#endif
