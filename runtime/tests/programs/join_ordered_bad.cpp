// The classic two-lock inversion exercised one test at a time: thread 1 takes a then b and is
// joined before thread 2, which takes b then a, is created. This run cannot hang, but the same
// calls made concurrently deadlock: reported (lock order is a property of the code), and the
// report says the run was sequential ("T1 was joined before T2 started").
#include <mutex>
#include <thread>

std::mutex a, b;

void forward() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}

void backward() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);  // expect: lock-order-inversion
}

int main() {
  std::thread t1(forward);
  t1.join();
  std::thread t2(backward);
  t2.join();
}
