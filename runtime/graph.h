#pragma once
// The runtime lock-order graph: a directed acyclic graph over lock slots, kept in topological
// order incrementally (Pearce–Kelly, as abseil's graphcycles does) so that inserting an edge that
// agrees with the current order costs O(1) — the common case for a program with a consistent order.
//
// Contract:
//  - Nodes are small integers handed out by the caller (lock slots); ensure_node() makes one exist.
//  - insert_edge(x, y) adds x->y and returns true, or returns false and changes nothing when the
//    edge would close a cycle (then find_path(y, x) shows the cycle). Inserting an existing edge
//    is allowed and returns true; the caller usually filters duplicates before (edge_map.h).
//  - remove_node() drops every edge of a node (a lock that was destroyed or re-initialised), so
//    the slot can be reused for a new lock.
//  - Not thread-safe: the detector serializes calls under its graph lock.
// Cost: an out-of-order insertion re-ranks only the nodes whose rank lies between the two ends.
// May allocate (std::vector), which is fine: it runs only for edges seen for the first time.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lockscope::rt {

class LockGraph {
 public:
  void ensure_node(uint32_t n);
  // Places a node that has no edges at `rank` in the order. Callers pass a hint that agrees with
  // the order the program is likely to use (the detector uses the lock's address, so programs that
  // lock in address order insert every edge in order, at O(1)). Ranks must be distinct; a node
  // with edges keeps its rank.
  void place_isolated(uint32_t n, uint64_t rank);
  bool insert_edge(uint32_t x, uint32_t y);
  // As insert_edge, for a caller that knows x->y is not in the graph (skips the duplicate scan).
  bool insert_new_edge(uint32_t x, uint32_t y);
  bool has_edge(uint32_t x, uint32_t y) const;
  void remove_node(uint32_t n);
  // Shortest path from `from` to `to` (both included) following edges; empty when unreachable.
  std::vector<uint32_t> find_path(uint32_t from, uint32_t to) const;
  size_t edge_count() const { return edges_; }

 private:
  struct Node {
    uint64_t rank = 0;
    std::vector<uint32_t> out, in;
    bool visited = false;
  };
  bool forward_dfs(uint32_t start, uint64_t upper, uint32_t target);
  void backward_dfs(uint32_t start, uint64_t lower);
  void reorder();
  void clear_visited();

  std::vector<Node> nodes_;
  uint64_t next_rank_ = 0;
  size_t edges_ = 0;
  std::vector<uint32_t> delta_f_, delta_b_, stack_;
};

}  // namespace lockscope::rt
