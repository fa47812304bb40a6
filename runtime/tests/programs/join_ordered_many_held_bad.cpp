// Many locks held: the first thread holds 40 bucket locks (in order) and then the directory lock;
// a later thread holds the directory lock and takes the last bucket. Join-ordered: reported once.
#include <array>
#include <mutex>
#include <thread>

std::array<std::mutex, 40> buckets;
std::mutex directory;

void resize() {
  for (auto& m : buckets) m.lock();
  directory.lock();
  directory.unlock();
  for (auto it = buckets.rbegin(); it != buckets.rend(); ++it) it->unlock();
}

void lookup() {
  std::lock_guard<std::mutex> d(directory);
  std::lock_guard<std::mutex> b(buckets.back());  // expect: lock-order-inversion
}

int main() {
  std::thread(resize).join();
  std::thread(lookup).join();
}
