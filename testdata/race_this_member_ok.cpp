// `this` of a class whose methods run in threads, with the member guarded: a Crawler starts two
// threads on its own crawl() method, and crawl() bumps `pages_` holding the member mutex. Two
// Crawler objects run at once. Every write holds the object's own mutex: nothing may be
// reported.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

class Crawler {
 public:
  void start() {
    first_ = std::thread(&Crawler::crawl, this);
    second_ = std::thread([this] { crawl(); });
  }
  void wait() {
    first_.join();
    second_.join();
  }
  long pages() const { return pages_; }

 private:
  void crawl() {
    for (int i = 0; i < 1000; ++i) {
      std::lock_guard<std::mutex> hold(mutex_);
      pages_ += 1;
    }
  }

  std::mutex mutex_;
  long pages_ = 0;
  std::thread first_;
  std::thread second_;
};

}  // namespace

int main() {
  Crawler news;
  Crawler blogs;
  news.start();
  blogs.start();
  news.wait();
  blogs.wait();
  std::printf("%ld + %ld pages\n", news.pages(), blogs.pages());
  return 0;
}
