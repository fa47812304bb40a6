// Tutorial scenario: "subclass Thread and override run()", done wrong. Every HitThread's run()
// bumps one global tally, `total_hits`, with no lock; two HitThread objects run at the same time,
// so the read-modify-write in run() races with itself across the two threads. Exactly one
// finding belongs on that write. The per-object member `own_hits_` is not shared (each thread
// writes its own object) and main reads both only after join(), so nothing else may be reported.
#include <cstdio>
#include <thread>

namespace {

long total_hits = 0;

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

class HitThread : public Thread {
 public:
  long own_hits() const { return own_hits_; }

 protected:
  void run() override {
    for (int i = 0; i < 5000; ++i) {
      own_hits_ += 1;
      total_hits += 1;  // expect[static]: data-race
    }
  }

 private:
  long own_hits_ = 0;
};

}  // namespace

int main() {
  HitThread first;
  HitThread second;
  first.start();
  second.start();
  first.join();
  second.join();
  std::printf("hits: %ld + %ld, total %ld\n", first.own_hits(), second.own_hits(), total_hits);
  return 0;
}
