// 20,000 threads, a few alive at a time, each calling shortlived::work once:
// the probes must count every call, however many threads came and went before.
#include <cstdio>
#include <thread>
#include <vector>

#define KEEP() asm volatile("" ::: "memory")

namespace shortlived {

__attribute__((noinline)) int work(int x) {
  KEEP();
  return x + 1;
}

}  // namespace shortlived

int main() {
  constexpr int kThreads = 20000, kAlive = 4;
  long sum = 0;
  for (int started = 0; started < kThreads; started += kAlive) {
    int results[kAlive] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < kAlive; i++) threads.emplace_back([&results, i, started] { results[i] = shortlived::work(started + i); });
    for (std::thread &t : threads) t.join();
    for (int r : results) sum += r;
  }
  std::printf("%ld\n", sum);
  return 0;
}
