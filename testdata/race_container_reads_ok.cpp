// Shared standard containers that are only read once the threads run: main fills a vector, a
// map and a string before starting the readers, and the readers call only lookups on them
// (size, find, count, at, operator[] on the vector, iteration). Concurrent reads never race, so
// nothing may be reported; main clears them only after joining.
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<int> samples;
std::map<std::string, int> limits;
std::string banner;
long found[3];

void read_all(int id) {
  long total = 0;
  for (int s : samples) total += s;
  total += samples[1] + samples.at(2) + static_cast<long>(samples.size());
  if (limits.find("max") != limits.end()) total += limits.at("max");
  total += static_cast<long>(limits.count("min") + banner.size());
  found[id] = total;
}

}  // namespace

int main() {
  samples = {1, 2, 3, 4};
  limits["max"] = 10;
  banner = "readers";
  std::vector<std::thread> readers;
  for (int id = 0; id < 3; ++id) readers.emplace_back(read_all, id);
  for (std::thread& r : readers) r.join();
  std::printf("%s: %ld\n", banner.c_str(), found[0]);
  samples.clear();
  limits.clear();
  return 0;
}
