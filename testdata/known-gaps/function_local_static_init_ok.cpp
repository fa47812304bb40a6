// Function-local statics are initialised once, thread-safely (C++11 "magic statics"): every
// worker asks settings() for the configuration, whose constructor fills its fields on the first
// call while the other callers wait. After that the object is only read. Nothing may be reported.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Settings {
  int retries;
  int timeout_ms;
  std::string name;
  Settings() {
    retries = 3;
    timeout_ms = 250;
    name = "ingest";
  }
};

const Settings& settings() {
  static const Settings instance;
  return instance;
}

long run_requests(int n) {
  long waited = 0;
  for (int i = 0; i < n; ++i) waited += settings().timeout_ms * settings().retries;
  return waited + static_cast<long>(settings().name.size());
}

}  // namespace

int main() {
  std::vector<long> waited(3);
  std::vector<std::thread> workers;
  for (int w = 0; w < 3; ++w) workers.emplace_back([&waited, w] { waited[w] = run_requests(100); });
  for (auto& t : workers) t.join();
  std::printf("%ld %ld %ld\n", waited[0], waited[1], waited[2]);
  return 0;
}
