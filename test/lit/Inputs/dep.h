inline int dep_value() { return 1; }
