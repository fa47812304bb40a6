// move(from, to) locks *from then *to (as in static_mutex_by_pointer_deadlock.cpp), called with
// (a, b) and (b, c): the orders a -> b and b -> c chain but never close a cycle. A checker that
// merged the parameters into one "from" and one "to" lock would see from -> to in both threads
// and nothing more; one that ignored the call sites would miss that the locks differ.
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex a;
std::mutex b;
std::mutex c;

void move(std::mutex* from, std::mutex* to) {
  std::lock_guard<std::mutex> source(*from);
  std::lock_guard<std::mutex> target(*to);
  std::printf("moved\n");
}

}  // namespace

int main() {
  std::thread t1(move, &a, &b);
  std::thread t2(move, &b, &c);
  t1.join();
  t2.join();
  return 0;
}
