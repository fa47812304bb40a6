#pragma once
// The runtime lock-order graph: a directed acyclic graph over lock slots, kept in topological
// order incrementally (Pearce–Kelly, as abseil's graphcycles does) so that inserting an edge that
// agrees with the current order costs O(1) — the common case for a program with a consistent order.
// It is also the edge store: each edge carries a 4-byte value (the detector's evidence id,
// evidence_table.h), kept in the out-list of its source, so an edge costs 8 bytes there plus 4 in
// the in-list of its target (Pearce–Kelly's backward search) and no separate table.
//
// Contract:
//  - Nodes are small integers handed out by the caller (lock slots); ensure_node() makes one exist.
//    Each node has a caller-owned 32-bit label (the detector: the lock id the slot stands for).
//  - find_edge(x, y) is the one probe of x's out-list: the edge's value if present, else a hint
//    that insert_new_edge(x, y, value, hint) uses to insert without probing again.
//  - insert_new_edge(x, y, value) adds x->y and returns true, or returns false and changes nothing
//    when the edge would close a cycle (then find_path(y, x) shows the cycle). x->y must be absent.
//    insert_edge() also accepts an existing edge (returns true, keeps its value).
//  - remove_node() drops every edge of a node (a lock that was destroyed or re-initialised), so
//    the slot can be reused for a new lock; it hands back the values of the dropped edges.
//  - Not thread-safe: the detector serializes calls under its graph lock.
// Cost: an out-of-order insertion re-ranks only the nodes whose rank lies between the two ends.
// Out-lists up to 32 edges are scanned; longer ones (a hub lock) become open-addressing sets.
// Lists live in a size-class arena (block_arena.h): little slack, no per-list malloc header.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "block_arena.h"

namespace lockscope::rt {

class LockGraph {
 public:
  struct Found {
    uint32_t* value;  // the edge's value, nullptr when absent
    uint32_t hint;    // where an absent edge would go (for insert_new_edge)
  };
  LockGraph() = default;
  LockGraph(const LockGraph&) = delete;
  LockGraph& operator=(const LockGraph&) = delete;
  ~LockGraph();

  void ensure_node(uint32_t n);
  // Places a node that has no edges at `rank` in the order. Callers pass a hint that agrees with
  // the order the program is likely to use (the detector uses the lock's address, so programs that
  // lock in address order insert every edge in order, at O(1)). Ranks must be distinct; a node
  // with edges keeps its rank.
  void place_isolated(uint32_t n, uint64_t rank);
  bool has_edges(uint32_t n) const { return n < count_ && (node(n).nout || node(n).nin); }
  uint32_t label(uint32_t n) const { return n < count_ ? node(n).label : 0; }
  void set_label(uint32_t n, uint32_t label) { ensure_node(n), node(n).label = label; }
  // A hint to the cache, safe without the owner's lock: the caller is about to take the lock and
  // insert or look up x->y, so the misses on both nodes, x's out-list and y's in-list overlap
  // with each other and with the wait for the lock instead of lengthening the locked section.
  // Nodes never move; list pointers are written with atomic stores, so this racy read is defined
  // (and a prefetch of a list freed meanwhile is harmless).
  void prefetch(uint32_t x, uint32_t y) const {
    Node* nx = existing(x);
    Node* ny = existing(y);
    if (!nx || !ny) return;
    __builtin_prefetch(nx);
    __builtin_prefetch(ny);
    if (const Edge* out = __atomic_load_n(&nx->out, __ATOMIC_RELAXED)) __builtin_prefetch(out);
    if (const uint32_t* in = __atomic_load_n(&ny->in, __ATOMIC_RELAXED)) __builtin_prefetch(in);
  }

  Found find_edge(uint32_t x, uint32_t y);
  bool insert_new_edge(uint32_t x, uint32_t y, uint32_t value, uint32_t hint);
  bool insert_new_edge(uint32_t x, uint32_t y, uint32_t value = 0) {
    ensure_node(std::max(x, y));
    return insert_new_edge(x, y, value, find_edge(x, y).hint);
  }
  bool insert_edge(uint32_t x, uint32_t y, uint32_t value = 0);
  bool has_edge(uint32_t x, uint32_t y) { return find_edge(x, y).value != nullptr; }
  // Removes every edge into and out of n; appends their values to `values` when given.
  void remove_node(uint32_t n, std::vector<uint32_t>* values = nullptr);
  // Shortest path from `from` to `to` (both included) following edges; empty when unreachable.
  std::vector<uint32_t> find_path(uint32_t from, uint32_t to) const;
  size_t edge_count() const { return edges_; }
  const BlockArena& arena() const { return arena_; }

 private:
  struct Edge {
    uint32_t target;  // kEmpty: a free slot of a hashed out-list
    uint32_t value;
  };
  static constexpr uint32_t kEmpty = ~0u;
  struct Node {
    uint64_t rank = 0;
    Edge* out = nullptr;
    uint32_t* in = nullptr;
    uint32_t nout = 0, nin = 0;
    uint32_t label = 0;
    uint8_t out_class = 0, in_class = 0;
    bool out_hashed = false;  // out is an open-addressing set of 2^(out_class/2+1) slots
    bool visited = false;
  };
  static uint32_t out_capacity(const Node& n) { return static_cast<uint32_t>(BlockArena::words(n.out_class) / 2); }
  template <typename F>
  static void for_each_out(const Node& n, F f) {
    uint32_t end = n.out_hashed ? out_capacity(n) : n.nout;
    for (uint32_t i = 0; i < end; ++i)
      if (n.out[i].target != kEmpty) f(n.out[i]);
  }
  uint32_t hash_slot(const Node& n, uint32_t target) const;
  void grow_out(Node& n);
  void rehash_out(Node& n, uint8_t size_class);
  void push_in(Node& n, uint32_t source);
  void erase_out(Node& n, uint32_t target);
  void erase_in(Node& n, uint32_t source);
  bool forward_dfs(uint32_t start, uint64_t upper, uint32_t target);
  void backward_dfs(uint32_t start, uint64_t lower);
  void reorder();
  void clear_visited();

  // Nodes in fixed chunks: no growth slack, and a node never moves (prefetch() needs no lock).
  static constexpr uint32_t kChunkBits = 12, kChunkMask = (1u << kChunkBits) - 1;
  static constexpr uint32_t kMaxChunks = (1u << 26) >> kChunkBits;  // node ids are 26-bit lock slots
  Node& node(uint32_t n) const { return chunks_[n >> kChunkBits].load(std::memory_order_relaxed)[n & kChunkMask]; }
  Node* existing(uint32_t n) const {
    Node* c = chunks_[(n >> kChunkBits) & (kMaxChunks - 1)].load(std::memory_order_acquire);
    return c ? &c[n & kChunkMask] : nullptr;
  }
  template <typename T>
  static void set_list(T*& field, T* list) { __atomic_store_n(&field, list, __ATOMIC_RELAXED); }  // see prefetch()

  BlockArena arena_;
  std::atomic<Node*> chunks_[kMaxChunks] = {};
  uint32_t count_ = 0;  // nodes 0..count_-1 exist
  uint64_t next_rank_ = 0;
  size_t edges_ = 0;
  std::vector<uint32_t> delta_f_, delta_b_, stack_;
};

}  // namespace lockscope::rt
