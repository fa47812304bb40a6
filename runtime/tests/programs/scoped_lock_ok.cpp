// std::scoped_lock and std::lock in opposite argument orders: libstdc++ locks the first and
// try-locks the rest with back-off, so this can never deadlock and must stay silent.
#include <mutex>
#include <thread>

std::mutex a, b;
int x;

void one() {
  for (int i = 0; i < 2000; ++i) {
    std::scoped_lock both(a, b);
    ++x;
  }
}

void two() {
  for (int i = 0; i < 2000; ++i) {
    std::scoped_lock both(b, a);
    ++x;
  }
}

void three() {
  for (int i = 0; i < 2000; ++i) {
    std::unique_lock<std::mutex> lb(b, std::defer_lock), la(a, std::defer_lock);
    std::lock(lb, la);
    ++x;
  }
}

int main() {
  std::thread t1(one), t2(two), t3(three);
  t1.join();
  t2.join();
  t3.join();
}
