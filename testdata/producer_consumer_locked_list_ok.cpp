// Tutorial scenario: producer/consumer sharing a plain list guarded by one lock. The producer
// appends under items_mutex and finally sets `producer_done` under the same mutex; the consumer
// pops under it and stops once the list is empty and the producer is done. Every access to the
// list and the flag holds items_mutex, and `consumed_sum` is written by the consumer only and
// read by main after join, so the analyzer must stay silent.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex items_mutex;
std::vector<int> items;
bool producer_done = false;
long consumed_sum = 0;

void producer() {
  for (int i = 1; i <= 500; ++i) {
    std::lock_guard<std::mutex> hold(items_mutex);
    items.push_back(i);
  }
  std::lock_guard<std::mutex> hold(items_mutex);
  producer_done = true;
}

void consumer() {
  for (;;) {
    int item = 0;
    {
      std::lock_guard<std::mutex> hold(items_mutex);
      if (items.empty()) {
        if (producer_done) return;
        item = -1;
      } else {
        item = items.back();
        items.pop_back();
      }
    }
    if (item < 0) {
      std::this_thread::yield();
    } else {
      consumed_sum += item;
    }
  }
}

}  // namespace

int main() {
  std::thread p(producer);
  std::thread c(consumer);
  p.join();
  c.join();
  std::printf("consumed %ld (125250 expected)\n", consumed_sum);
  return 0;
}
