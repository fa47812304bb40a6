// A method that locks, then deliberately reads outside its locked region (leveldb's writer at the
// head of its queue reads log_ unlocked): a read in an entry that takes the lock is not reported.
// lockscope-test: no-run
#include <mutex>

long write_out(int fd, long n);

class Log {
 public:
  void append(long n) {
    std::unique_lock<std::mutex> g(mu_);
    pending_ += n;
    long to_write = pending_;
    g.unlock();
    write_out(fd_, to_write);
    g.lock();
    pending_ -= to_write;
  }
  void reopen(int fd) {
    std::lock_guard<std::mutex> g(mu_);
    fd_ = fd;
  }

 private:
  std::mutex mu_;
  int fd_ = -1;
  long pending_ = 0;
};

Log* make_log() { return new Log(); }
