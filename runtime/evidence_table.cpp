#include "evidence_table.h"

#include <algorithm>

namespace lockscope::rt {

uint64_t EvidenceTable::hash(const Evidence& e) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  mix(e.acquire_stack), mix(e.held_stack), mix(e.thread), mix(e.epoch), mix(uint64_t{e.modes} << 8 | e.ngates);
  for (uint8_t i = 0; i < e.ngates; ++i) mix(e.gates[i]);
  return h ^ h >> 29;
}

size_t EvidenceTable::find(const Evidence& e, uint64_t h) const {
  size_t mask = index_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    if (index_[i] == 0 || records_[index_[i]].e == e) return i;
}

uint32_t EvidenceTable::acquire(const Evidence& in) {
  Evidence e = in;
  std::fill(e.gates + e.ngates, e.gates + 4, 0u);  // unused gates never tell records apart
  if ((live_ + 1) * 4 > index_.size() * 3) grow();
  uint64_t h = hash(e);
  size_t slot = find(e, h);
  if (uint32_t id = index_[slot]) {
    ++records_[id].refs;
    return id;
  }
  uint32_t id;
  if (free_) {
    id = free_;
    free_ = records_[id].e.thread;
  } else {
    id = static_cast<uint32_t>(records_.size());
    records_.emplace_back();
  }
  records_[id].e = e;
  records_[id].refs = 1;
  index_[slot] = id;
  ++live_;
  return id;
}

void EvidenceTable::release(uint32_t id) {
  if (id == 0 || --records_[id].refs > 0) return;
  erase_from_index(id);
  records_[id].e.thread = free_;
  free_ = id;
  --live_;
}

// Linear probing: after removing an entry, later entries of its run move back into the hole if
// their home slot allows, so lookups never stop early at it (no tombstones).
void EvidenceTable::erase_from_index(uint32_t id) {
  size_t mask = index_.size() - 1;
  size_t hole = find(records_[id].e, hash(records_[id].e));
  for (size_t i = (hole + 1) & mask; index_[i] != 0; i = (i + 1) & mask) {
    size_t home = hash(records_[index_[i]].e) & mask;
    // Movable when its home is not in the cyclic interval (hole, i].
    if (((i - home) & mask) >= ((i - hole) & mask)) {
      index_[hole] = index_[i];
      hole = i;
    }
  }
  index_[hole] = 0;
}

void EvidenceTable::grow() {
  std::vector<uint32_t> old;
  old.swap(index_);
  index_.assign(old.empty() ? 16 : old.size() * 2, 0);
  for (uint32_t id : old)
    if (id) index_[find(records_[id].e, hash(records_[id].e))] = id;
}

}  // namespace lockscope::rt
