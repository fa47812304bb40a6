// unique_lock in every mode, and not one inconsistent order: first takes a then b. second
// - releases b with unlock() before it takes a (the guard's destructor then unlocks nothing),
// - holding b, takes a with try_to_lock and tests owns_lock() (a try never waits),
// - adopts locks std::lock already took (no order among them),
// - moves a guard of b into another and unlocks it there before taking a.
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>

namespace {

std::mutex a;
std::mutex b;

void first() {
  std::unique_lock<std::mutex> la(a);
  std::unique_lock<std::mutex> lb(b);
  std::printf("first has a and b\n");
}

void second() {
  {
    std::unique_lock<std::mutex> lb(b);
    lb.unlock();
    std::unique_lock<std::mutex> la(a);
  }
  {
    std::unique_lock<std::mutex> lb(b);
    std::unique_lock<std::mutex> la(a, std::try_to_lock);
    if (la.owns_lock()) std::printf("second got a without waiting\n");
  }
  {
    std::lock(b, a);
    std::unique_lock<std::mutex> lb(b, std::adopt_lock);
    std::unique_lock<std::mutex> la(a, std::adopt_lock);
  }
  {
    std::unique_lock<std::mutex> lb(b);
    std::unique_lock<std::mutex> moved(std::move(lb));
    moved.unlock();
    std::unique_lock<std::mutex> la(a);
  }
}

}  // namespace

int main() {
  std::thread t1(first);
  std::thread t2(second);
  t1.join();
  t2.join();
  return 0;
}
