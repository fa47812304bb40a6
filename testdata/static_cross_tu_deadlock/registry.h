// Shared declarations of the cross-unit program: the locks live in registry.cpp, each thread's
// code in its own unit.
#pragma once
#include <mutex>

extern std::mutex registry_lock;
extern std::mutex stats_lock;

void register_user();  // registry.cpp: registry_lock then stats_lock
void report_stats();   // stats.cpp: stats_lock then registry_lock
