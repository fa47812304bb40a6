// Tutorial scenario: a pool whose tasks each build a request on their own stack and fill it
// through a std::function callback that captures the request by reference (the shape of an
// HTTP server's per-connection handler). Two workers run tasks at once, but every task has its
// own `req`: the callback is made and called in the task's own frame and crosses no thread, so
// nothing here races and the analyzer must stay silent.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Request {
  std::string path;
  int port = 0;
};

class Pool {
 public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  void enqueue(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return done_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

void parse_into(const std::function<void(const std::string&, int)>& sink, int socket) {
  sink("/index.html", 8000 + socket);
}

void handle_connection(int socket) {
  Request req;
  std::function<void(const std::string&, int)> fill = [&req](const std::string& path, int port) {
    req.path = path;
    req.port = port;
  };
  parse_into(fill, socket);
  std::printf("%s:%d\n", req.path.c_str(), req.port);
}

int main() {
  Pool pool(2);
  for (int socket = 0; socket < 8; ++socket) pool.enqueue([socket] { handle_connection(socket); });
  return 0;
}
