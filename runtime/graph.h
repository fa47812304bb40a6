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
#include "node_slots.h"

namespace lockscope::rt {

class LockGraph {
 public:
  struct Found {
    uint32_t* value;  // the edge's value, nullptr when absent
    uint32_t hint;    // where an absent edge would go (for insert_new_edge)
  };
  struct Edge {
    uint32_t target;  // kEmpty: a free slot of a hashed out-list
    uint32_t value;
  };
  // A node's state. Public only so that its storage can be laid out (node_slots.h); all-zero
  // bytes are a fresh node.
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
  // Nodes live in 64-byte slots (node_slots.h). Without an owner the graph maps its own chunks;
  // the detector passes the lock registry's chunk table instead, so that a lock's record and its
  // node share a cache line. Chunks never move and start zeroed.
  LockGraph() : chunks_(own_chunks_) {}
  explicit LockGraph(const std::atomic<unsigned char*>* owner_chunks) : chunks_(owner_chunks) {}
  LockGraph(const LockGraph&) = delete;
  LockGraph& operator=(const LockGraph&) = delete;
  ~LockGraph();

  void ensure_node(uint32_t n) {
    if (n >= count_) add_nodes_through(n);
  }
  // Places a node that has no edges at `rank` in the order. Callers pass a hint that agrees with
  // the order the program is likely to use (the detector uses the lock's address, so programs that
  // lock in address order insert every edge in order, at O(1)). Ranks must be distinct; a node
  // with edges keeps its rank.
  void place_isolated(uint32_t n, uint64_t rank) {
    ensure_node(n);
    Node& v = node(n);
    if (!v.nout && !v.nin) v.rank = rank;
  }
  bool has_edges(uint32_t n) const { return n < count_ && (node(n).nout || node(n).nin); }
  uint32_t label(uint32_t n) const { return n < count_ ? node(n).label : 0; }
  void set_label(uint32_t n, uint32_t label) { ensure_node(n), node(n).label = label; }
  // Hints to the cache, safe without the owner's lock: the caller is about to take the lock and
  // insert or look up x->y, so the misses on both nodes, then on x's out-list and y's in-list,
  // overlap with each other and with the caller's other work instead of lengthening the locked
  // section. Two steps (nodes, then the lists they point to) so the caller can do other work in
  // between. Nodes never move; list pointers are written with atomic stores, so the racy reads
  // here are defined (and a prefetch of a list freed meanwhile is harmless).
  void prefetch_nodes(uint32_t x, uint32_t y) const {
    if (Node* nx = existing(x)) __builtin_prefetch(nx);
    if (Node* ny = existing(y)) __builtin_prefetch(ny);
  }
  void prefetch_lists(uint32_t x, uint32_t y) const {
    Node* nx = existing(x);
    Node* ny = existing(y);
    if (!nx || !ny) return;
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
  // The nodes n has an edge to (at most `max` of them, in no particular order).
  std::vector<uint32_t> successors(uint32_t n, size_t max) const;
  size_t edge_count() const { return edges_; }
  const BlockArena& arena() const { return arena_; }

 private:
  static constexpr uint32_t kEmpty = ~0u;
  static uint32_t out_capacity(const Node& n) { return static_cast<uint32_t>(BlockArena::words(n.out_class) / 2); }
  template <typename F>
  static void for_each_out(const Node& n, F f) {
    uint32_t end = n.out_hashed ? out_capacity(n) : n.nout;
    for (uint32_t i = 0; i < end; ++i)
      if (n.out[i].target != kEmpty) f(n.out[i]);
  }
  void add_nodes_through(uint32_t n);
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

  static constexpr uint32_t kMaxChunks = (1u << 26) >> kSlotChunkBits;  // node ids are 26-bit lock slots
  Node& node(uint32_t n) const { return *existing(n); }
  Node* existing(uint32_t n) const {
    unsigned char* c = chunks_[(n >> kSlotChunkBits) & (kMaxChunks - 1)].load(std::memory_order_acquire);
    return c ? reinterpret_cast<Node*>(c + (n & kSlotChunkMask) * kSlotBytes) : nullptr;
  }
  template <typename T>
  static void set_list(T*& field, T* list) { __atomic_store_n(&field, list, __ATOMIC_RELAXED); }  // see prefetch()

  const std::atomic<unsigned char*>* chunks_;  // own_chunks_ or the owner's
  std::atomic<unsigned char*> own_chunks_[kMaxChunks] = {};
  BlockArena arena_;
  uint32_t count_ = 0;  // nodes 0..count_-1 exist
  uint64_t next_rank_ = 0;
  size_t edges_ = 0;
  std::vector<uint32_t> delta_f_, delta_b_, stack_;
};

}  // namespace lockscope::rt
