#pragma once
// Names given to locks through the annotation API (lockscope/annotations.h), by lock id. Reports
// use them instead of the address. Few locks are named, so one map under one lock does.
#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "spin_lock.h"

namespace lockscope::rt {

class LockNames {
 public:
  void set(uint32_t id, std::string name) {
    SpinGuard g(lock_);
    names_[id] = std::move(name);
    empty_.store(false, std::memory_order_relaxed);
  }
  void erase(uint32_t id) {
    if (empty_.load(std::memory_order_relaxed)) return;  // the common case: nothing was ever named
    SpinGuard g(lock_);
    names_.erase(id);
  }
  std::string get(uint32_t id) const {  // empty when unnamed
    SpinGuard g(lock_);
    auto it = names_.find(id);
    return it == names_.end() ? std::string() : it->second;
  }

 private:
  mutable SpinLock lock_;
  std::unordered_map<uint32_t, std::string> names_;
  std::atomic<bool> empty_{true};
};

}  // namespace lockscope::rt
