// One lock order across units: both this unit and stats.cpp take registry_lock before
// stats_lock, so the program-wide lock-order graph has no cycle.
#include "registry.h"

#include <cstdio>

std::mutex registry_lock;
std::mutex stats_lock;

void register_user() {
  std::lock_guard<std::mutex> r(registry_lock);
  std::lock_guard<std::mutex> s(stats_lock);
  std::printf("registered\n");
}
