// A server stand-in: makes a lock-order inversion (two threads, no hang), then signals that it is
// ready by creating the file named by argv[1] and waits to be stopped by a signal.
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>

std::mutex a, b;

int main(int argc, char** argv) {
  std::atomic<bool> first_done{false};
  std::thread t1([&] {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
    first_done = true;
  });
  std::thread t2([&] {
    while (!first_done) std::this_thread::yield();
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);
  });
  t1.join();
  t2.join();
  if (argc > 1) std::ofstream(argv[1]) << "ready\n";
  for (;;) pause();
}
