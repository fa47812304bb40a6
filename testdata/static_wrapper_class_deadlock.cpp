// Wrappers are recognised from their bodies, not their names: a Mutex class whose Lock() calls
// std::mutex::lock, and an RAII MutexLock that locks in its constructor and unlocks in its
// destructor (leveldb's port::Mutex / MutexLock shape). Thread one takes a then b through the
// RAII class, thread two b then a through the class's own Lock()/Unlock(). The second thread
// waits for the first to finish, so the run never hangs; the inversion sits on the call that
// takes `a` in thread two (the wrapper's call site, not the wrapper's body).
// Where the halves differ: the static checker puts an acquisition made through a lock wrapper (a
// function that returns holding the lock it took) on the wrapper's call site; the runtime shim
// reports the innermost frame, inside the wrapper. Both expectations are spelled out.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

class Mutex {
 public:
  void Lock() { mu_.lock(); }  // expect[runtime]: lock-order-inversion
  void Unlock() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

Mutex a;
Mutex b;
std::atomic<bool> first_done{false};

void first() {
  {
    MutexLock la(&a);
    MutexLock lb(&b);
    std::printf("first has a and b\n");
  }
  first_done = true;
}

void second() {
  while (!first_done) std::this_thread::yield();
  b.Lock();
  a.Lock();  // expect[static]: lock-order-inversion
  std::printf("second has b and a\n");
  a.Unlock();
  b.Unlock();
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
