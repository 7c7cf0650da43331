// Shapes of real code that must stay warning-free under -Wall -Wextra -Werror.
#include <cstdio>
#include <memory>
#include <vector>
#include "box.h"
namespace {
struct State {
  int n = 0;
};
}  // namespace
// A class of the main file with members of anonymous-namespace types: GCC's
// -Wsubobject-linkage is quiet for the main file only.
class Holder {
 public:
  int get() const { return state_.n + box_.get().n + static_cast<int>(many_.size()); }

 private:
  State state_;
  Box<State> box_{};
  std::vector<State> many_;
  std::unique_ptr<State> owned_;
};
static int twice(int x) { return 2 * x; }
int ignores(int used, [[maybe_unused]] int unused) { return used; }
int main() {
  Holder h;
  std::printf("%s %s %d %d\n", __FILE__, __BASE_FILE__, twice(h.get()), ignores(1, 2));
  return 0;
}
