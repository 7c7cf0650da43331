// propagate-context: work handed to another thread runs under the span that was
// current where it was handed over. The built-in `threads` aspect covers
// std::thread, std::jthread and std::async (both launch policies); a team's own
// pool is named in orch.yaml. Move-only callables and arguments, results,
// exceptions and references are carried through unchanged.
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %orch diff --full %s -- %cxx -std=c++20 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %orch explain %s -- %cxx -std=c++20 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %check-same %cxx %s %t.gcc -std=c++20 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %check-same %clangxx %s %t.clang -std=c++20 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %check-tree %cxx %s %t.run -std=c++20 | FileCheck %s --check-prefix=TREE
// RUN: env ORCH_CONFIG=%S/Inputs/propagate.yaml %check-tree %clangxx %s %t.crun -std=c++20 | FileCheck %s --check-prefix=TREE
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>

namespace work {

// A minimal pool: one worker thread started before any span exists.
class Pool {
public:
  Pool() : worker_([this] { loop(); }) {}
  ~Pool() {
    submit(nullptr);
    worker_.join();
  }
  void submit(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push(std::move(job));
    ready_.notify_one();
  }

private:
  void loop() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return !jobs_.empty(); });
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop();
      lock.unlock();
      if (!job) return;
      job();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::function<void()>> jobs_;
  std::thread worker_;
};

int leaf(int x) { return x * 2; }
int fail(int x) { if (x > 0) throw std::runtime_error("no"); return x; }

int handle(Pool &pool) {
  int total = 0;
  // CHECK: std::thread t(::orch::weave::with_context([&total] { total += leaf(1); }));
  std::thread t([&total] { total += leaf(1); });
  t.join();
  std::jthread jt([&total](int v) { total += leaf(v); }, 2);
  jt.join();
  auto owned = std::make_unique<int>(3);
  // CHECK: std::future<int> a = std::async(std::launch::async, ::orch::weave::with_context([p = std::move(owned)] { return leaf(*p); }));
  std::future<int> a = std::async(std::launch::async, [p = std::move(owned)] { return leaf(*p); });
  std::future<int> d = std::async(std::launch::deferred, leaf, 4);
  total += a.get() + d.get();
  std::future<int> e = std::async(std::launch::async, fail, 1);
  try { e.get(); } catch (const std::runtime_error &err) { std::printf("caught %s\n", err.what()); }
  std::promise<void> done;
  // CHECK: pool.submit(::orch::weave::with_context([&done] { leaf(5); done.set_value(); }));
  pool.submit([&done] { leaf(5); done.set_value(); });
  done.get_future().wait();
  return total;
}

}  // namespace work

int main() {
  work::Pool pool;
  std::printf("%d\n", work::handle(pool));
  return 0;
}

// EXPLAIN: work::Pool::Pool -> std::thread::thread (call): instrumented by aspect 'threads-std-thread'
// EXPLAIN: work::handle -> std::thread::thread (call): instrumented by aspect 'threads-std-thread'
// EXPLAIN: work::handle -> std::jthread::jthread (call): instrumented by aspect 'threads-std-jthread'
// EXPLAIN: work::handle -> std::async (call): instrumented by aspect 'threads-std-async'
// EXPLAIN: work::handle -> std::async (call): instrumented by aspect 'threads-std-async'
// EXPLAIN: work::handle -> std::async (call): instrumented by aspect 'threads-std-async'
// EXPLAIN: work::handle -> work::Pool::submit (call): instrumented by aspect 'pool-context'

// OUT: caught no
// OUT-NEXT: 20
// OUT-NEXT: exit=0

// Every span of the program is in the one trace of work::handle, in the order
// handle started them.
// TREE: 20
// TREE-NEXT: trace
// TREE-NEXT: {{^}}  work::handle{{$}}
// TREE-NEXT: {{^}}    work::leaf arg.x=1{{$}}
// TREE-NEXT: {{^}}    work::leaf arg.x=2{{$}}
// TREE-NEXT: {{^}}    work::leaf arg.x=3{{$}}
// TREE-NEXT: {{^}}    work::leaf arg.x=4{{$}}
// TREE-NEXT: {{^}}    work::fail arg.x=1 ERROR{{$}}
// TREE-NEXT: {{^}}    work::leaf arg.x=5{{$}}
// TREE-NOT: {{.}}
