#include <string>
#include <vector>

std::vector<std::string> names = {"a", "b", "c"};

int twice(int y) { return y * 2; }
