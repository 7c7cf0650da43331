static inline int fn_alpha(void) { return 2; }
