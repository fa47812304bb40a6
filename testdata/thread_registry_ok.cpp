// Tutorial scenario: threading.active_count(), current_thread().name and is_alive(). A registry
// maps each live thread's id to its name; threads register on entry and deregister on exit
// (RAII), and every read and write of the map happens under the registry's mutex. Latches hold
// the workers alive while main looks at the counts. All shared state is guarded, so the
// analyzer must stay silent.
#include <atomic>
#include <cstdio>
#include <latch>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

class ThreadRegistry {
 public:
  void add(const std::string& name) {
    std::lock_guard<std::mutex> hold(mutex_);
    names_[std::this_thread::get_id()] = name;
  }
  void remove() {
    std::lock_guard<std::mutex> hold(mutex_);
    names_.erase(std::this_thread::get_id());
  }
  int active_count() const {
    std::lock_guard<std::mutex> hold(mutex_);
    return static_cast<int>(names_.size());
  }
  std::string current_name() const {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = names_.find(std::this_thread::get_id());
    return it == names_.end() ? std::string("<unregistered>") : it->second;
  }
  bool is_alive(const std::string& name) const {
    std::lock_guard<std::mutex> hold(mutex_);
    for (const auto& entry : names_) {
      if (entry.second == name) return true;
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::thread::id, std::string> names_;
};

ThreadRegistry registry;

// Registers the calling thread for exactly its lifetime, like Python's thread bookkeeping.
class Registration {
 public:
  explicit Registration(const std::string& name) { registry.add(name); }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;
  ~Registration() { registry.remove(); }
};

constexpr int kWorkers = 3;
std::latch workers_registered(kWorkers);
std::latch release_workers(1);
std::atomic<int> wrong_names{0};

void worker(const std::string& name) {
  Registration alive(name);
  if (registry.current_name() != name) wrong_names.fetch_add(1);
  workers_registered.count_down();
  release_workers.wait();
}

}  // namespace

int main() {
  Registration alive("MainThread");
  std::vector<std::thread> threads;
  for (int i = 0; i < kWorkers; ++i) {
    threads.emplace_back(worker, "worker-" + std::to_string(i));
  }
  workers_registered.wait();
  std::printf("active: %d, worker-1 alive: %d, main is %s\n", registry.active_count(),
              registry.is_alive("worker-1"), registry.current_name().c_str());
  release_workers.count_down();
  for (std::thread& t : threads) {
    t.join();
  }
  std::printf("active after join: %d, worker-1 alive: %d, wrong names: %d\n",
              registry.active_count(), registry.is_alive("worker-1"), wrong_names.load());
  return 0;
}
