// Tutorial scenario: the traffic light without an Event, using a plain bool as the signal.
// The light thread writes `green` while car threads poll it with no lock and no atomic: each
// write to the flag races with the cars' reads, so one finding belongs on each of the light's
// two writes (reads never carry one). The cars' count is a std::atomic and must not be
// reported. (Compiled at -O0 the polling loop re-reads memory and the run ends; that is luck,
// not correctness, which is the point of the finding.)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

constexpr int kCars = 4;
bool green = false;
std::atomic<int> cars_passed{0};

void traffic_light() {
  while (cars_passed.load() < kCars) {
    green = true;  // expect[static]: data-race
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    green = false;  // expect[static]: data-race
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
}

void car() {
  while (!green) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  cars_passed.fetch_add(1);
}

}  // namespace

int main() {
  std::thread light(traffic_light);
  std::vector<std::thread> cars;
  for (int i = 0; i < kCars; ++i) {
    cars.emplace_back(car);
  }
  for (std::thread& c : cars) {
    c.join();
  }
  light.join();
  std::printf("%d cars passed\n", cars_passed.load());
  return 0;
}
