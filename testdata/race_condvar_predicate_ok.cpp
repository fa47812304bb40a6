// A condition variable used correctly: the producer sets `ready` and fills `payload` holding the
// mutex, the consumer waits with a predicate that reads `ready` under the same mutex, then reads
// the payload still holding it. Every access to the shared data holds `mutex`: nothing may be
// reported.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

namespace {

std::mutex mutex;
std::condition_variable changed;
bool ready = false;
long payload = 0;

void produce() {
  {
    std::lock_guard<std::mutex> hold(mutex);
    payload = 42;
    ready = true;
  }
  changed.notify_one();
}

void consume() {
  std::unique_lock<std::mutex> hold(mutex);
  changed.wait(hold, [] { return ready; });
  std::printf("payload %ld\n", payload);
}

}  // namespace

int main() {
  std::thread consumer(consume);
  std::thread producer(produce);
  producer.join();
  consumer.join();
  return 0;
}
