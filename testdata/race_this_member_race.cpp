// `this` of a class whose methods run in threads: a Crawler starts two threads on its own
// crawl() method, and crawl() bumps the member `pages_` with no lock. Both threads reach the
// same object through `this`: the member write races (one finding). The other Crawler object
// runs its own threads on its own members; nothing else may be reported.
#include <cstdio>
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
      pages_ += 1;  // expect[static]: data-race
    }
  }

  long pages_ = 0;
  std::thread first_;
  std::thread second_;
};

}  // namespace

int main() {
  Crawler crawler;
  crawler.start();
  crawler.wait();
  std::printf("%ld pages\n", crawler.pages());
  return 0;
}
