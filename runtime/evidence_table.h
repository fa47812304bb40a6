#pragma once
// The evidence a lock-order edge carries for reports and for the suppression rules: its latest
// observation (where the second lock was taken, where the first had been taken, by which thread
// in which of its epochs), the modes it was seen in, and its gate locks. Edges share evidence: a
// program makes most of its edges from a few call sites and threads, so an edge stores a 4-byte id
// into this table instead of a 36-byte record (bench/runtime/README.md: 1M edges, a handful of
// distinct records). Records are immutable: an edge whose evidence changes points at another
// record. Records are reference-counted by the edges that use them and freed at zero, so a program
// that starts thread after thread (each observation names its thread) keeps at most one record per
// edge, as a per-edge record would.
// Not thread-safe: the detector holds its graph lock.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lockscope::rt {

struct Evidence {
  uint32_t acquire_stack = 0, held_stack = 0, thread = 0;
  uint32_t epoch = 0;  // the thread's epoch (thread_clock.h) when it made this observation
  uint8_t modes = 0;   // bit (held_mode * 2 + acquired_mode)
  uint8_t ngates = 0;
  uint32_t gates[4] = {};  // only the first ngates are meaningful
  bool operator==(const Evidence& o) const {
    if (acquire_stack != o.acquire_stack || held_stack != o.held_stack || thread != o.thread || epoch != o.epoch ||
        modes != o.modes || ngates != o.ngates)
      return false;
    for (uint8_t i = 0; i < ngates; ++i)
      if (gates[i] != o.gates[i]) return false;
    return true;
  }
};

class EvidenceTable {
 public:
  // The id of a record equal to `e` (created when new) with one more reference. Ids start at 1.
  uint32_t acquire(const Evidence& e);
  // As acquire, trying the record `hint` names first (a thread's last record: a loop making new
  // edges from one site repeats it), so a hit costs a compare instead of a hash and a probe.
  // `hint` is updated; a stale one (freed, reused) simply misses.
  uint32_t acquire(const Evidence& e, uint32_t& hint) {
    if (hint < records_.size() && records_[hint].refs > 0 && records_[hint].e == e) {
      ++records_[hint].refs;
      return hint;
    }
    return hint = acquire(e);
  }
  // Drops one reference; the record is freed (its id reused) at zero. Id 0 is ignored.
  void release(uint32_t id);
  const Evidence& get(uint32_t id) const { return records_[id].e; }
  size_t live() const { return live_; }
  uint32_t refs(uint32_t id) const { return records_[id].refs; }

 private:
  struct Record {
    Evidence e;
    uint32_t refs = 0;  // 0: free; then e.thread links the free list
  };
  static uint64_t hash(const Evidence& e);
  size_t find(const Evidence& e, uint64_t h) const;  // index slot holding e, or the empty slot for it
  void grow();
  void erase_from_index(uint32_t id);

  std::vector<Record> records_{Record{}};  // id 0: none
  std::vector<uint32_t> index_;            // open addressing over record ids; 0: empty
  uint32_t free_ = 0;                      // head of the free list of ids
  size_t live_ = 0;
};

}  // namespace lockscope::rt
