// Tutorial scenario: Semaphore(3) limiting how many workers download at once. A
// counting_semaphore<3> lets up to three of six workers into the section at the same time; that
// is its purpose, so it is not a lock and protects nothing from those three. The workers add to
// `bytes_downloaded` inside the section with no mutex: a data race, one finding on that write.
// The semaphore itself must draw no lock finding (it is released by the thread that acquired
// it, in order, every time).
#include <chrono>
#include <cstdio>
#include <semaphore>
#include <thread>
#include <vector>

namespace {

std::counting_semaphore<3> download_slots(3);
long bytes_downloaded = 0;

void download(int id) {
  download_slots.acquire();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  bytes_downloaded += 1000L * id;  // expect[static]: data-race
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
