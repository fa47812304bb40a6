// Pearce & Kelly, "A Dynamic Topological Sort Algorithm for Directed Acyclic Graphs" (JEA 2006).
// Every node has a distinct rank; all edges go from lower to higher rank. Inserting x->y with
// rank(x) < rank(y) needs nothing. Otherwise only the nodes with ranks in [rank(y), rank(x)] can be
// affected: a forward search from y (ranks below rank(x)) finds delta_f — reaching x means a cycle —
// and a backward search from x (ranks above rank(y)) finds delta_b; the union of their ranks is then
// handed out again, delta_b first, so the order holds. Searches are iterative (deep graphs).
#include "graph.h"

#include <algorithm>
#include <deque>

namespace lockscope::rt {

void LockGraph::ensure_node(uint32_t n) {
  if (n < nodes_.size()) return;
  size_t old = nodes_.size();
  nodes_.resize(std::max<size_t>(n + 1, old * 3 / 2));
  for (size_t i = old; i < nodes_.size(); ++i) nodes_[i].rank = next_rank_++;
}

void LockGraph::place_isolated(uint32_t n, uint64_t rank) {
  ensure_node(n);
  Node& node = nodes_[n];
  if (node.out.empty() && node.in.empty()) node.rank = rank;
}

bool LockGraph::has_edge(uint32_t x, uint32_t y) const {
  if (x >= nodes_.size() || y >= nodes_.size()) return false;
  const auto& out = nodes_[x].out;
  return std::find(out.begin(), out.end(), y) != out.end();
}

bool LockGraph::insert_edge(uint32_t x, uint32_t y) {
  if (has_edge(x, y)) return true;
  return insert_new_edge(x, y);
}

namespace {
// Adjacency lists start at 4 entries instead of growing 1, 2, 4: a program making many new edges
// spends a large share of its new-edge cost in those first reallocations (callgrind, new_edges).
void append(std::vector<uint32_t>& list, uint32_t n) {
  if (list.capacity() == 0) list.reserve(4);
  list.push_back(n);
}
}  // namespace

bool LockGraph::insert_new_edge(uint32_t x, uint32_t y) {
  ensure_node(std::max(x, y));
  if (x == y) return false;
  Node& nx = nodes_[x];
  Node& ny = nodes_[y];
  if (nx.rank > ny.rank) {
    uint64_t upper = nx.rank, lower = ny.rank;
    if (!forward_dfs(y, upper, x)) {
      clear_visited();
      return false;
    }
    backward_dfs(x, lower);
    reorder();
  }
  append(nodes_[x].out, y);
  append(nodes_[y].in, x);
  ++edges_;
  return true;
}

bool LockGraph::forward_dfs(uint32_t start, uint64_t upper, uint32_t target) {
  delta_f_.clear();
  stack_.assign(1, start);
  while (!stack_.empty()) {
    uint32_t n = stack_.back();
    stack_.pop_back();
    if (nodes_[n].visited) continue;
    nodes_[n].visited = true;
    delta_f_.push_back(n);
    for (uint32_t w : nodes_[n].out) {
      if (w == target) return false;
      if (!nodes_[w].visited && nodes_[w].rank < upper) stack_.push_back(w);
    }
  }
  return true;
}

void LockGraph::backward_dfs(uint32_t start, uint64_t lower) {
  delta_b_.clear();
  stack_.assign(1, start);
  while (!stack_.empty()) {
    uint32_t n = stack_.back();
    stack_.pop_back();
    if (nodes_[n].visited) continue;
    nodes_[n].visited = true;
    delta_b_.push_back(n);
    for (uint32_t w : nodes_[n].in)
      if (!nodes_[w].visited && nodes_[w].rank > lower) stack_.push_back(w);
  }
}

void LockGraph::reorder() {
  auto by_rank = [&](uint32_t a, uint32_t b) { return nodes_[a].rank < nodes_[b].rank; };
  std::sort(delta_b_.begin(), delta_b_.end(), by_rank);
  std::sort(delta_f_.begin(), delta_f_.end(), by_rank);
  std::vector<uint64_t> ranks;
  ranks.reserve(delta_b_.size() + delta_f_.size());
  for (uint32_t n : delta_b_) ranks.push_back(nodes_[n].rank);
  for (uint32_t n : delta_f_) ranks.push_back(nodes_[n].rank);
  std::sort(ranks.begin(), ranks.end());
  size_t i = 0;
  for (uint32_t n : delta_b_) nodes_[n].rank = ranks[i++], nodes_[n].visited = false;
  for (uint32_t n : delta_f_) nodes_[n].rank = ranks[i++], nodes_[n].visited = false;
}

void LockGraph::clear_visited() {
  for (uint32_t n : delta_f_) nodes_[n].visited = false;
}

void LockGraph::remove_node(uint32_t n) {
  if (n >= nodes_.size()) return;
  Node& node = nodes_[n];
  for (uint32_t w : node.out) {
    auto& in = nodes_[w].in;
    in.erase(std::remove(in.begin(), in.end(), n), in.end());
  }
  for (uint32_t w : node.in) {
    auto& out = nodes_[w].out;
    out.erase(std::remove(out.begin(), out.end(), n), out.end());
  }
  edges_ -= node.out.size() + node.in.size();
  node.out.clear();
  node.out.shrink_to_fit();
  node.in.clear();
  node.in.shrink_to_fit();
}

std::vector<uint32_t> LockGraph::find_path(uint32_t from, uint32_t to) const {
  if (from >= nodes_.size() || to >= nodes_.size()) return {};
  std::vector<int64_t> parent(nodes_.size(), -1);
  std::deque<uint32_t> queue{from};
  parent[from] = from;
  while (!queue.empty()) {
    uint32_t n = queue.front();
    queue.pop_front();
    if (n == to) break;
    for (uint32_t w : nodes_[n].out)
      if (parent[w] < 0) parent[w] = n, queue.push_back(w);
  }
  if (parent[to] < 0) return {};
  std::vector<uint32_t> path{to};
  while (path.back() != from) path.push_back(static_cast<uint32_t>(parent[path.back()]));
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace lockscope::rt
