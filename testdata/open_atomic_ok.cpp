// The request counter is atomic: updated outside the lock on purpose.
// lockscope-test: no-run
#include <atomic>
#include <map>
#include <mutex>

class Server {
 public:
  void handle(int key) {
    requests_.fetch_add(1);
    std::lock_guard<std::mutex> g(mu_);
    seen_[key] += 1;
  }
  void reset_requests() { requests_ = 0; }
  long requests() const { return requests_.load(); }

 private:
  std::mutex mu_;
  std::map<int, int> seen_;
  std::atomic<long> requests_{0};
};

Server* make_server() { return new Server(); }
