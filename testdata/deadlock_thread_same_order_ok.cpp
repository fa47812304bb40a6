// The first tutorial's DeadlockThread, exactly as written: a Thread subclass whose run() takes
// lock A, sleeps, then takes lock B, and two such threads run at once. Because BOTH threads take
// A before B, the lock-order graph has the single edge A -> B and no cycle: this program can
// never deadlock, whatever the tutorial's class name suggests. The analyzer must stay silent;
// the sleep only widens the window in which a wrong order would hang.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex lock_a;
std::mutex lock_b;

class Thread {
 public:
  Thread() = default;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  virtual ~Thread() = default;

  void start() { worker_ = std::thread([this] { run(); }); }
  void join() { worker_.join(); }

 protected:
  virtual void run() = 0;

 private:
  std::thread worker_;
};

class DeadlockThread : public Thread {
 protected:
  void run() override {
    lock_a.lock();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    lock_b.lock();
    std::printf("got both locks\n");
    lock_b.unlock();
    lock_a.unlock();
  }
};

}  // namespace

int main() {
  DeadlockThread first;
  DeadlockThread second;
  first.start();
  second.start();
  first.join();
  second.join();
  return 0;
}
