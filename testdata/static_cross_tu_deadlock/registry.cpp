// Thread one's half of a cycle that only the whole-program link can see: this unit takes
// registry_lock then stats_lock; stats.cpp takes them the other way round.
#include "registry.h"

#include <cstdio>

std::mutex registry_lock;
std::mutex stats_lock;

void register_user() {
  std::lock_guard<std::mutex> r(registry_lock);
  std::lock_guard<std::mutex> s(stats_lock);
  std::printf("registered\n");
}
