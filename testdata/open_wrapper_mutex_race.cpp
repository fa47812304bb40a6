// leveldb's shape: a Mutex wrapper, an RAII MutexLock, and a class that uses them. clear() forgot
// its MutexLock. The wrappers are recognised from their bodies, not their names.
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

class Stats {
 public:
  void add(long bytes) {
    MutexLock l(&mutex_);
    total_ += bytes;
    ++count_;
  }
  void clear() {
    total_ = 0;  // expect: data-race
    MutexLock l(&mutex_);
    count_ = 0;
  }

 private:
  Mutex mutex_;
  long total_ = 0;
  long count_ = 0;
};

Stats* make_stats() { return new Stats(); }
