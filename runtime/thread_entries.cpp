#include "thread_entries.h"

#include <unordered_map>

#include "spin_lock.h"

namespace lockscope::rt {

namespace {
SpinLock g_lock;
std::unordered_map<uint32_t, uintptr_t>* g_entries = nullptr;  // never destroyed: reports run at exit
}  // namespace

void remember_thread_entry(uint32_t index, uintptr_t entry_pc) {
  SpinGuard g(g_lock);
  if (!g_entries) g_entries = new std::unordered_map<uint32_t, uintptr_t>;
  (*g_entries)[index] = entry_pc;
}

uintptr_t thread_entry(uint32_t index) {
  SpinGuard g(g_lock);
  if (!g_entries) return 0;
  auto it = g_entries->find(index);
  return it == g_entries->end() ? 0 : it->second;
}

}  // namespace lockscope::rt
