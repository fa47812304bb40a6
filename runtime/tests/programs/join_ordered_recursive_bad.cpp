// Recursive mutexes, join-ordered: re-entry adds nothing, but the order between the two
// recursive mutexes is inverted by the second thread: reported.
#include <mutex>
#include <thread>

std::recursive_mutex tree, cache;

void update_tree() {
  std::lock_guard<std::recursive_mutex> t1(tree);
  std::lock_guard<std::recursive_mutex> t2(tree);  // re-entry
  std::lock_guard<std::recursive_mutex> c(cache);
}

void evict() {
  std::lock_guard<std::recursive_mutex> c1(cache);
  std::lock_guard<std::recursive_mutex> c2(cache);  // re-entry
  std::lock_guard<std::recursive_mutex> t(tree);  // expect: lock-order-inversion
}

int main() {
  std::thread(update_tree).join();
  std::thread(evict).join();
}
