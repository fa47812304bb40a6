// Tutorial scenario: an object that reports progress through a std::function member set by its
// owner. A background thread calls the callback while it works; the callback records progress
// under the owner's mutex, and main reads the record under the same mutex while the thread
// runs, then plainly after joining it. A second callback, `on_done_`, runs only in main after
// the join. Nothing here races: the analyzer must stay silent.
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>

class Download {
 public:
  void on_progress(std::function<void(int)> f) { on_progress_ = std::move(f); }
  void on_done(std::function<void()> f) { on_done_ = std::move(f); }

  void start() {
    worker_ = std::thread([this] {
      for (int percent = 0; percent <= 100; percent += 10) on_progress_(percent);
    });
  }
  void finish() {
    worker_.join();
    on_done_();
  }

 private:
  std::function<void(int)> on_progress_;
  std::function<void()> on_done_;
  std::thread worker_;
};

int main() {
  std::mutex m;
  int last = -1;
  bool done = false;
  Download d;
  d.on_progress([&m, &last](int percent) {
    std::lock_guard<std::mutex> lock(m);
    last = percent;
  });
  d.on_done([&done] { done = true; });
  d.start();
  {
    std::lock_guard<std::mutex> lock(m);
    std::printf("seen so far: %d\n", last);
  }
  d.finish();
  std::printf("last=%d done=%d\n", last, done);
  return 0;
}
