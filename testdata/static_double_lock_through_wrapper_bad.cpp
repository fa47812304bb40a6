// A double lock through a wrapper: Counter::Add() takes the counter's Mutex and calls Get(),
// which takes it again. The Mutex class is a plain std::mutex wrapper (recognised from its body);
// the re-lock sits in Get() on the wrapper call. Run without a checker the program would hang,
// so a watchdog thread ends it with status 0 after a few seconds.
// Where the halves differ: the static checker puts an acquisition made through a lock wrapper (a
// function that returns holding the lock it took) on the wrapper's call site; the runtime shim
// reports the innermost frame, inside the wrapper. Both expectations are spelled out.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace {

class Mutex {
 public:
  void Lock() { mu_.lock(); }  // expect[runtime]: double-lock
  void Unlock() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

class Counter {
 public:
  long Get() {
    mu_.Lock();  // expect[static]: double-lock
    long v = value_;
    mu_.Unlock();
    return v;
  }
  void Add(long n) {
    mu_.Lock();
    value_ = Get() + n;
    mu_.Unlock();
  }

 private:
  Mutex mu_;
  long value_ = 0;
};

Counter counter;

// exit(), not _Exit(): a preloaded checker still gets its exit hooks.
void watchdog() {
  std::this_thread::sleep_for(std::chrono::seconds(3));
  std::printf("main is stuck on its own lock, as expected\n");
  std::fflush(stdout);
  std::exit(0);
}

}  // namespace

int main() {
  std::thread(watchdog).detach();
  counter.Add(1);
  std::printf("unreachable: %ld\n", counter.Get());
  return 0;
}
