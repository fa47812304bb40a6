// leveldb's shape with every write under its MutexLock, and an explicit Unlock/Lock window that
// touches nothing shared.
// lockscope-test: no-run
#include <mutex>

class Mutex {
 public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { this->mu_->Lock(); }
  ~MutexLock() { this->mu_->Unlock(); }

 private:
  Mutex* const mu_;
};

long slow_io(long n);

class Stats {
 public:
  void add(long bytes) {
    MutexLock l(&mutex_);
    total_ += bytes;
    ++count_;
  }
  void flush() {
    mutex_.Lock();
    long t = total_;
    mutex_.Unlock();
    long written = slow_io(t);
    mutex_.Lock();
    total_ -= written;
    mutex_.Unlock();
  }

 private:
  Mutex mutex_;
  long total_ = 0;
  long count_ = 0;
};

Stats* make_stats() { return new Stats(); }
