// Taking a write lock on a shared_mutex this thread already holds for reading waits forever: it is
// reported at once and the process ends instead of hanging.
#include <mutex>
#include <shared_mutex>

std::shared_mutex table;

void refresh() {
  std::unique_lock<std::shared_mutex> w(table);  // expect: double-lock
}

int main() {
  std::shared_lock<std::shared_mutex> r(table);
  refresh();
}
