// A private helper writes without taking the lock, but every public caller holds it: silent
// without any annotation.
// lockscope-test: no-run
#include <mutex>

class Journal {
 public:
  void append(int record) {
    std::lock_guard<std::mutex> g(mu_);
    last_ = record;
    bump();
  }
  void truncate() {
    std::unique_lock<std::mutex> g(mu_);
    bump();
    entries_ = 0;
  }
  int entries() {
    std::lock_guard<std::mutex> g(mu_);
    return entries_;
  }

 private:
  void bump() { ++entries_; }
  std::mutex mu_;
  int last_ = 0;
  int entries_ = 0;
};

Journal* make_journal() { return new Journal(); }
