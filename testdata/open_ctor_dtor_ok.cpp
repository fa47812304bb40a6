// Constructors and destructors run alone on their object: their unguarded writes are fine, and a
// field only written there (capacity_) needs no lock to be read.
// lockscope-test: no-run
#include <mutex>
#include <vector>

class Pool {
 public:
  explicit Pool(int capacity) : capacity_(capacity) {
    free_ = capacity;
    slots_.resize(capacity);
  }
  ~Pool() { free_ = 0; }
  bool take() {
    std::lock_guard<std::mutex> g(mu_);
    if (free_ == 0) return false;
    --free_;
    return true;
  }
  void give() {
    std::lock_guard<std::mutex> g(mu_);
    ++free_;
  }
  int capacity() const { return capacity_; }

 private:
  std::mutex mu_;
  int capacity_;
  int free_;
  std::vector<int> slots_;
};

Pool* make_pool(int n) { return new Pool(n); }
