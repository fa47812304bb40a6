// The condition-variable handshake with the classic mistake: the producer sets `ready` WITHOUT
// the mutex (and then notifies). The consumer's predicate reads `ready` under the mutex, but a
// lock only one side takes protects nothing: the producer's write races with the predicate's
// read (one finding, on the write). `payload` is written under the mutex and carries none.
// (The unlocked write can also lose the wake-up; the consumer re-checks every few
// milliseconds so the program still ends.)
#include <chrono>
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
  }
  ready = true;  // expect[static]: data-race
  changed.notify_one();
}

void consume() {
  std::unique_lock<std::mutex> hold(mutex);
  while (!changed.wait_for(hold, std::chrono::milliseconds(5), [] { return ready; })) {
  }
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
