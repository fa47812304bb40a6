// Tutorial scenario: producer/consumer sharing a list with NO lock. The list is a fixed array
// plus a count (so the racing run cannot corrupt memory: indices are taken modulo the capacity).
// The producer writes a slot and bumps the count; the consumer drops the count and reads the
// slot, both at the same time. Three writes race: the producer's slot write (against the
// consumer's read), the producer's count increment and the consumer's count decrement (against
// each other); one finding on each. `consumed_sum` is the consumer's alone, read by main after
// join, and must not be reported.
#include <cstdio>
#include <thread>

namespace {

constexpr int kCapacity = 64;
int items[kCapacity];
int item_count = 0;
long consumed_sum = 0;

void producer() {
  for (int i = 1; i <= 5000; ++i) {
    if (item_count < kCapacity) {
      items[item_count % kCapacity] = i;  // expect[static]: data-race
      item_count += 1;  // expect[static]: data-race
    }
  }
}

void consumer() {
  for (int attempt = 0; attempt < 5000; ++attempt) {
    if (item_count > 0) {
      item_count -= 1;  // expect[static]: data-race
      consumed_sum += items[item_count % kCapacity];
    }
  }
}

}  // namespace

int main() {
  std::thread p(producer);
  std::thread c(consumer);
  p.join();
  c.join();
  std::printf("consumed %ld, %d left over\n", consumed_sum, item_count);
  return 0;
}
