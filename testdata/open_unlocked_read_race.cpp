// size() takes no lock at all and reads what push() writes under the lock: the finding sits on
// the unguarded read, where the fix goes. (Non-const: extraction skips reads in const methods.)
// lockscope-test: no-run
#include <mutex>

class Buffer {
 public:
  void push(int v) {
    std::lock_guard<std::mutex> g(mu_);
    data_[count_ % 16] = v;
    count_ = count_ + 1;
  }
  int size() {
    return count_;  // expect: data-race
  }

 private:
  mutable std::mutex mu_;
  int data_[16] = {};
  int count_ = 0;
};

Buffer* make_buffer() { return new Buffer(); }
