// A private helper is called under the lock from push() and without it from drain(): in drain's
// context its write is unguarded.
// lockscope-test: no-run
#include <mutex>

class Queue {
 public:
  void push(int v) {
    std::lock_guard<std::mutex> g(mu_);
    last_ = v;
    grow();
  }
  void drain() {
    grow();
  }

 private:
  void grow() {
    ++length_;  // expect: data-race
  }
  std::mutex mu_;
  int last_ = 0;
  int length_ = 0;
};

Queue* make_queue() { return new Queue(); }
