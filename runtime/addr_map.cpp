#include "addr_map.h"

namespace lockscope::rt {

size_t AddrMap::slot_of(uintptr_t addr) const {
  size_t mask = addrs_.size() - 1;
  for (size_t i = home(addr);; i = (i + 1) & mask)
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
  size_t mask = addrs_.size() - 1, hole = slot_of(addr);
  if (addrs_[hole] != addr) return false;
  for (size_t i = (hole + 1) & mask; addrs_[i] != 0; i = (i + 1) & mask) {
    if (((i - home(addrs_[i])) & mask) >= ((i - hole) & mask)) {
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
  size_t n = old_addrs.empty() ? 16 : old_addrs.size() * 2;
  addrs_.assign(n, 0);
  ids_.assign(n, 0);
  shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(n));
  used_ = 0;
  for (size_t i = 0; i < old_addrs.size(); ++i)
    if (old_addrs[i]) put(old_addrs[i], old_ids[i]);
}

}  // namespace lockscope::rt
