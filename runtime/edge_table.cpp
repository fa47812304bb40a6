#include "edge_table.h"

#include <algorithm>

namespace lockscope::rt {

namespace {
size_t hash(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20); }
}  // namespace

size_t EdgeTable::find(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash(key) & mask;; i = (i + 1) & mask)
    if (slots_[i].key == key || slots_[i].key == 0) return i;
}

bool EdgeTable::get(uint64_t key, EdgeInfo& out) const {
  if (slots_.empty()) return false;
  const Slot& s = slots_[find(key)];
  if (s.key != key) return false;
  out.acquire_stack = s.acquire_stack;
  out.held_stack = s.held_stack;
  out.thread = s.thread;
  out.epoch = s.epoch;
  out.modes = s.modes;
  out.ngates = s.ngates;
  if (s.ngates) std::copy_n(gate_sets_[s.gate_set].begin(), 4, out.gates);
  return true;
}

void EdgeTable::store(Slot& s, const EdgeInfo& info) {
  s.acquire_stack = info.acquire_stack;
  s.held_stack = info.held_stack;
  s.thread = info.thread;
  s.epoch = info.epoch;
  s.modes = info.modes;
  if (info.ngates) {
    if (!s.ngates) {
      s.gate_set = static_cast<uint32_t>(gate_sets_.size());
      gate_sets_.emplace_back();
    }
    std::copy_n(info.gates, 4, gate_sets_[s.gate_set].begin());
  }
  s.ngates = info.ngates;  // a gate set left unused when gates run out is not reclaimed (rare)
}

bool EdgeTable::insert(uint64_t key, const EdgeInfo& info) {
  if ((used_ + 1) * 10 > slots_.size() * 7) grow();
  Slot& s = slots_[find(key)];
  if (s.key == key) return false;
  s.key = key;
  store(s, info);
  ++used_;
  return true;
}

bool EdgeTable::put(uint64_t key, const EdgeInfo& info) {
  if (slots_.empty()) return false;
  Slot& s = slots_[find(key)];
  if (s.key != key) return false;
  store(s, info);
  return true;
}

void EdgeTable::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  for (const Slot& s : old)
    if (s.key) slots_[find(s.key)] = s;
}

}  // namespace lockscope::rt
