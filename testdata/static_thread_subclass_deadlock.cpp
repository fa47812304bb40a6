// The tutorials' Thread subclass: Thread::start() runs entry() on a std::thread, and entry()
// calls the virtual run(). The checker resolves that call to every override in the program:
// Forward::run takes a then b, Backward::run b then a, on two threads alive at once. Backward
// waits for Forward to finish, so the run never hangs.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::atomic<bool> forward_done{false};

class Thread {
 public:
  virtual ~Thread() = default;
  void start() { thread_ = std::thread(&Thread::entry, this); }
  void join() { thread_.join(); }

 protected:
  virtual void run() = 0;

 private:
  void entry() { run(); }
  std::thread thread_;
};

class Forward : public Thread {
  void run() override {
    {
      std::lock_guard<std::mutex> la(a);
      std::lock_guard<std::mutex> lb(b);
    }
    forward_done = true;
  }
};

class Backward : public Thread {
  void run() override {
    while (!forward_done) std::this_thread::yield();
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
  }
};

}  // namespace

int main() {
  Forward f;
  Backward k;
  f.start();
  k.start();
  f.join();
  k.join();
  std::printf("done\n");
  return 0;
}
