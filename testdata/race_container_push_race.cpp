// Non-const calls on a shared container are writes: the workers push_back into one vector and
// insert into one map (operator[] on a map inserts) with no lock, while the auditor reads their
// sizes. Each of the two write sites races: one finding each. The auditor's const size() calls
// are reads and carry none.
#include <cstdio>
#include <map>
#include <thread>
#include <vector>

namespace {

std::vector<int> events;
std::map<int, long> per_key;

void record(int id) {
  for (int i = 0; i < 100; ++i) {
    events.push_back(id);  // expect[static]: data-race
    per_key[i % 8] += id;  // expect[static]: data-race
  }
}

void audit() {
  for (int i = 0; i < 100; ++i) {
    if (events.size() + per_key.size() > 1000000) std::printf("too many\n");
  }
}

}  // namespace

int main() {
  events.reserve(1000);
  std::thread auditor(audit);
  std::vector<std::thread> writers;
  for (int id = 0; id < 2; ++id) writers.emplace_back(record, id);
  for (std::thread& w : writers) w.join();
  auditor.join();
  std::printf("%zu events\n", events.size());
  return 0;
}
