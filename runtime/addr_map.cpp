#include "addr_map.h"

namespace lockscope::rt {

size_t AddrMap::slot_of(uintptr_t addr) const {
  for (size_t i = home(addr);; i = next(i))
    if (addrs_[i] == addr || addrs_[i] == 0) return i;
}

uint32_t AddrMap::find(uintptr_t addr) const {
  if (addrs_.empty()) return 0;
  size_t i = slot_of(addr);
  return addrs_[i] == addr ? ids_[i] : 0;
}

void AddrMap::put(uintptr_t addr, uint32_t id) {
  if ((used_ + 1) * 4 > addrs_.size() * 3) grow();
  size_t i = slot_of(addr);
  if (addrs_[i] == 0) addrs_[i] = addr, ++used_;
  ids_[i] = id;
}

// Backward-shift deletion: later entries of the probe run move into the hole when their home
// slot allows, so lookups never stop early (no tombstones to accumulate).
bool AddrMap::erase(uintptr_t addr) {
  if (addrs_.empty()) return false;
  size_t n = addrs_.size(), hole = slot_of(addr);
  if (addrs_[hole] != addr) return false;
  auto distance = [n](size_t from, size_t to) { return to >= from ? to - from : to + n - from; };
  for (size_t i = next(hole); addrs_[i] != 0; i = next(i)) {
    if (distance(home(addrs_[i]), i) >= distance(hole, i)) {
      addrs_[hole] = addrs_[i], ids_[hole] = ids_[i];
      hole = i;
    }
  }
  addrs_[hole] = 0;
  --used_;
  return true;
}

void AddrMap::grow() {
  std::vector<uintptr_t> old_addrs;
  std::vector<uint32_t> old_ids;
  old_addrs.swap(addrs_);
  old_ids.swap(ids_);
  // x1.5, not x2: the table then runs between 1/2 and 3/4 full instead of 3/8 and 3/4.
  size_t n = old_addrs.empty() ? 16 : old_addrs.size() * 3 / 2;
  addrs_.assign(n, 0);
  ids_.assign(n, 0);
  used_ = 0;
  for (size_t i = 0; i < old_addrs.size(); ++i)
    if (old_addrs[i]) put(old_addrs[i], old_ids[i]);
}

}  // namespace lockscope::rt
