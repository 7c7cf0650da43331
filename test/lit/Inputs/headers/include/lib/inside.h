// Meant to be included inside a namespace.
inline int inside() { return 7; }
