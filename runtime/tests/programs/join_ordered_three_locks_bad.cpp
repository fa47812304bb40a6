// A three-lock cycle made by three threads, each joined before the next starts: a->b, b->c, c->a.
// Any two of them running together with the third deadlock; reported as one cycle of three locks.
#include <mutex>
#include <thread>

std::mutex a, b, c;

void nested(std::mutex& outer, std::mutex& inner) {
  std::lock_guard<std::mutex> lo(outer);
  std::lock_guard<std::mutex> li(inner);  // expect: lock-order-inversion
}

int main() {
  std::thread([] { nested(a, b); }).join();
  std::thread([] { nested(b, c); }).join();
  std::thread([] { nested(c, a); }).join();
}
