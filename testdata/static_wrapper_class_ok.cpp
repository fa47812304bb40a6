// The same Mutex / MutexLock wrappers as static_wrapper_class_deadlock.cpp, but both threads take
// a before b, one through the RAII class and one through Lock()/Unlock(): one order, no cycle.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

class Mutex {
 public:
  void Lock() { mu_.lock(); }
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

void first() {
  MutexLock la(&a);
  MutexLock lb(&b);
  std::printf("first has a and b\n");
}

void second() {
  a.Lock();
  b.Lock();
  std::printf("second has a and b\n");
  b.Unlock();
  a.Unlock();
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
