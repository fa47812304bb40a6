// Tutorial scenario: Semaphore(3) limiting workers, with the shared tally done right. Up to
// three workers are inside the semaphore section at once, and the tally they share is updated
// under stats_mutex, so every write to `bytes_downloaded` holds a lock in common with every
// other access. The analyzer must stay silent, about the semaphore as well.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

namespace {

std::counting_semaphore<3> download_slots(3);
std::mutex stats_mutex;
long bytes_downloaded = 0;

void download(int id) {
  download_slots.acquire();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  {
    std::lock_guard<std::mutex> hold(stats_mutex);
    bytes_downloaded += 1000L * id;
  }
  download_slots.release();
}

}  // namespace

int main() {
  std::vector<std::thread> workers;
  for (int id = 1; id <= 6; ++id) {
    workers.emplace_back(download, id);
  }
  for (std::thread& w : workers) {
    w.join();
  }
  std::printf("downloaded %ld bytes\n", bytes_downloaded);
  return 0;
}
