// Tutorial scenario: "subclass Thread and override run()". A small Thread base class owns a
// std::thread and runs the virtual run() in it; SumThread keeps its result in its own member.
// Two SumThread objects run at once, but each run() writes only its own object's result_, and
// main reads result() after join(), so there is no shared mutable state: an analyzer must stay
// silent. A report here would mean it merged the fields of two distinct objects.
#include <cstdio>
#include <thread>

namespace {

// The Python threading.Thread shape: start() launches run() on a new thread, join() waits.
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

class SumThread : public Thread {
 public:
  explicit SumThread(int limit) : limit_(limit) {}
  long result() const { return result_; }

 protected:
  void run() override {
    for (int i = 1; i <= limit_; ++i) {
      result_ += i;
    }
  }

 private:
  int limit_;
  long result_ = 0;
};

}  // namespace

int main() {
  SumThread small(100);
  SumThread large(10000);
  small.start();
  large.start();
  small.join();
  large.join();
  std::printf("sums: %ld %ld\n", small.result(), large.result());
  return 0;
}
