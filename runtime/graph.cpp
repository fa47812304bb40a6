// Pearce & Kelly, "A Dynamic Topological Sort Algorithm for Directed Acyclic Graphs" (JEA 2006).
// Every node has a distinct rank; all edges go from lower to higher rank. Inserting x->y with
// rank(x) < rank(y) needs nothing. Otherwise only the nodes with ranks in [rank(y), rank(x)] can be
// affected: a forward search from y (ranks below rank(x)) finds delta_f — reaching x means a cycle —
// and a backward search from x (ranks above rank(y)) finds delta_b; the union of their ranks is then
// handed out again, delta_b first, so the order holds. Searches are iterative (deep graphs).
#include "graph.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <type_traits>

namespace lockscope::rt {

namespace {
constexpr uint32_t kLinearMax = 32;  // out-lists up to this many edges are scanned (4 cache lines)
}  // namespace

LockGraph::~LockGraph() {
  for (uint32_t i = 0; i < count_; ++i) {
    Node& n = node(i);
    if (n.out) arena_.free(reinterpret_cast<uint32_t*>(n.out), n.out_class);
    if (n.in) arena_.free(n.in, n.in_class);
  }
  for (auto& c : own_chunks_) unmap_slot_chunk(c.load(std::memory_order_relaxed));
}

void LockGraph::add_nodes_through(uint32_t n) {
  static_assert(sizeof(Node) <= kNodeBytes && kSlotBytes % alignof(Node) == 0);
  static_assert(std::is_trivially_copyable_v<Node> && std::is_trivially_destructible_v<Node>,
                "zeroed slot bytes are a fresh node");
  if (n >> kSlotChunkBits >= kMaxChunks) std::abort();  // lock slots are 26-bit
  for (; count_ <= n; ++count_) {
    if (chunks_ == own_chunks_) {
      std::atomic<unsigned char*>& c = own_chunks_[count_ >> kSlotChunkBits];
      if (!c.load(std::memory_order_relaxed)) c.store(map_slot_chunk(), std::memory_order_release);
    }
    Node* v = existing(count_);
    if (!v) std::abort();  // the owner gave node ids it has no storage for
    v->rank = next_rank_++;
  }
}

uint32_t LockGraph::hash_slot(const Node& n, uint32_t target) const {
  return (target * 0x9E3779B1u) >> (32 - (n.out_class / 2 + 1));
}

LockGraph::Found LockGraph::find_edge(uint32_t x, uint32_t y) {
  if (x >= count_) return {nullptr, 0};
  Node& n = node(x);
  if (!n.out_hashed) {
    for (uint32_t i = 0; i < n.nout; ++i)
      if (n.out[i].target == y) return {&n.out[i].value, i};
    return {nullptr, n.nout};
  }
  uint32_t mask = out_capacity(n) - 1;
  for (uint32_t i = hash_slot(n, y);; i = (i + 1) & mask) {
    if (n.out[i].target == y) return {&n.out[i].value, i};
    if (n.out[i].target == kEmpty) return {nullptr, i};
  }
}

bool LockGraph::insert_edge(uint32_t x, uint32_t y, uint32_t value) {
  ensure_node(std::max(x, y));
  Found f = find_edge(x, y);
  return f.value ? true : insert_new_edge(x, y, value, f.hint);
}

// The out-list is full (linear) or would pass 3/4 load (hashed): the next class, or a set.
void LockGraph::grow_out(Node& n) {
  if (!n.out) {
    n.out_class = 0;
    set_list(n.out, reinterpret_cast<Edge*>(arena_.allocate(0)));
    return;
  }
  if (!n.out_hashed && n.nout < kLinearMax) {
    uint8_t c = static_cast<uint8_t>(n.out_class + 1);
    auto* bigger = reinterpret_cast<Edge*>(arena_.allocate(c));
    std::memcpy(bigger, n.out, n.nout * sizeof(Edge));
    arena_.free(reinterpret_cast<uint32_t*>(n.out), n.out_class);
    set_list(n.out, bigger);
    n.out_class = c;
    return;
  }
  uint8_t c = 0;  // even classes hold a power of two of edges
  while ((n.nout + 1) * 4 > BlockArena::words(c) / 2 * 3) c += 2;
  rehash_out(n, c);
}

void LockGraph::rehash_out(Node& n, uint8_t size_class) {
  Edge* old = n.out;
  uint32_t old_end = n.out_hashed ? out_capacity(n) : n.nout;
  uint8_t old_class = n.out_class;
  set_list(n.out, reinterpret_cast<Edge*>(arena_.allocate(size_class)));
  n.out_class = size_class;
  n.out_hashed = true;
  uint32_t mask = out_capacity(n) - 1;
  for (uint32_t i = 0; i <= mask; ++i) n.out[i] = {kEmpty, 0};
  for (uint32_t i = 0; i < old_end; ++i) {
    if (old[i].target == kEmpty) continue;
    uint32_t j = hash_slot(n, old[i].target);
    while (n.out[j].target != kEmpty) j = (j + 1) & mask;
    n.out[j] = old[i];
  }
  arena_.free(reinterpret_cast<uint32_t*>(old), old_class);
}

void LockGraph::push_in(Node& n, uint32_t source) {
  if (!n.in || n.nin == BlockArena::words(n.in_class)) {
    uint8_t c = n.in ? static_cast<uint8_t>(n.in_class + 1) : 0;
    uint32_t* bigger = arena_.allocate(c);
    if (n.in) {
      std::memcpy(bigger, n.in, n.nin * sizeof(uint32_t));
      arena_.free(n.in, n.in_class);
    }
    set_list(n.in, bigger);
    n.in_class = c;
  }
  n.in[n.nin++] = source;
}

bool LockGraph::insert_new_edge(uint32_t x, uint32_t y, uint32_t value, uint32_t hint) {
  ensure_node(std::max(x, y));
  if (x == y) return false;
  if (node(x).rank > node(y).rank) {
    uint64_t upper = node(x).rank, lower = node(y).rank;
    if (!forward_dfs(y, upper, x)) {
      clear_visited();
      return false;
    }
    backward_dfs(x, lower);
    reorder();
  }
  Node& nx = node(x);
  bool full = nx.out_hashed ? (nx.nout + 1) * 4 > out_capacity(nx) * 3 : !nx.out || nx.nout == out_capacity(nx);
  if (full) {
    grow_out(nx);
    if (nx.out_hashed) hint = find_edge(x, y).hint;  // the set moved: probe the new one
  }
  if (!nx.out_hashed) hint = nx.nout;
  nx.out[hint] = {y, value};
  ++nx.nout;
  push_in(node(y), x);
  ++edges_;
  return true;
}

// Swap-with-last for a scanned list; for a set, backward-shift deletion (no tombstones).
void LockGraph::erase_out(Node& n, uint32_t target) {
  if (!n.out_hashed) {
    for (uint32_t i = 0; i < n.nout; ++i)
      if (n.out[i].target == target) {
        n.out[i] = n.out[--n.nout];
        return;
      }
    return;
  }
  uint32_t mask = out_capacity(n) - 1, hole = hash_slot(n, target);
  while (n.out[hole].target != target) {
    if (n.out[hole].target == kEmpty) return;
    hole = (hole + 1) & mask;
  }
  for (uint32_t i = (hole + 1) & mask; n.out[i].target != kEmpty; i = (i + 1) & mask) {
    uint32_t home = hash_slot(n, n.out[i].target);
    if (((i - home) & mask) >= ((i - hole) & mask)) n.out[hole] = n.out[i], hole = i;
  }
  n.out[hole] = {kEmpty, 0};
  --n.nout;
}

void LockGraph::erase_in(Node& n, uint32_t source) {
  for (uint32_t i = 0; i < n.nin; ++i)
    if (n.in[i] == source) {
      n.in[i] = n.in[--n.nin];
      return;
    }
}

bool LockGraph::forward_dfs(uint32_t start, uint64_t upper, uint32_t target) {
  delta_f_.clear();
  stack_.assign(1, start);
  bool reached = false;
  while (!stack_.empty() && !reached) {
    uint32_t n = stack_.back();
    stack_.pop_back();
    if (node(n).visited) continue;
    node(n).visited = true;
    delta_f_.push_back(n);
    for_each_out(node(n), [&](const Edge& e) {
      if (e.target == target) reached = true;
      else if (!node(e.target).visited && node(e.target).rank < upper) stack_.push_back(e.target);
    });
  }
  return !reached;
}

void LockGraph::backward_dfs(uint32_t start, uint64_t lower) {
  delta_b_.clear();
  stack_.assign(1, start);
  while (!stack_.empty()) {
    uint32_t n = stack_.back();
    stack_.pop_back();
    if (node(n).visited) continue;
    node(n).visited = true;
    delta_b_.push_back(n);
    const Node& v = node(n);
    for (uint32_t i = 0; i < v.nin; ++i) {
      uint32_t w = v.in[i];
      if (!node(w).visited && node(w).rank > lower) stack_.push_back(w);
    }
  }
}

void LockGraph::reorder() {
  auto by_rank = [&](uint32_t a, uint32_t b) { return node(a).rank < node(b).rank; };
  std::sort(delta_b_.begin(), delta_b_.end(), by_rank);
  std::sort(delta_f_.begin(), delta_f_.end(), by_rank);
  std::vector<uint64_t> ranks;
  ranks.reserve(delta_b_.size() + delta_f_.size());
  for (uint32_t n : delta_b_) ranks.push_back(node(n).rank);
  for (uint32_t n : delta_f_) ranks.push_back(node(n).rank);
  std::sort(ranks.begin(), ranks.end());
  size_t i = 0;
  for (uint32_t n : delta_b_) node(n).rank = ranks[i++], node(n).visited = false;
  for (uint32_t n : delta_f_) node(n).rank = ranks[i++], node(n).visited = false;
}

void LockGraph::clear_visited() {
  for (uint32_t n : delta_f_) node(n).visited = false;
}

void LockGraph::remove_node(uint32_t n, std::vector<uint32_t>* values) {
  if (n >= count_) return;
  Node& v = node(n);
  for_each_out(v, [&](const Edge& e) {
    erase_in(node(e.target), n);
    if (values) values->push_back(e.value);
  });
  for (uint32_t i = 0; i < v.nin; ++i) {
    if (values) values->push_back(*find_edge(v.in[i], n).value);
    erase_out(node(v.in[i]), n);
  }
  edges_ -= v.nout + v.nin;
  if (v.out) arena_.free(reinterpret_cast<uint32_t*>(v.out), v.out_class);
  if (v.in) arena_.free(v.in, v.in_class);
  set_list(v.out, static_cast<Edge*>(nullptr));
  set_list(v.in, static_cast<uint32_t*>(nullptr));
  v.nout = v.nin = 0;
  v.out_class = v.in_class = 0;
  v.out_hashed = false;
}

std::vector<uint32_t> LockGraph::find_path(uint32_t from, uint32_t to) const {
  if (from >= count_ || to >= count_) return {};
  std::vector<int64_t> parent(count_, -1);
  std::deque<uint32_t> queue{from};
  parent[from] = from;
  while (!queue.empty()) {
    uint32_t n = queue.front();
    queue.pop_front();
    if (n == to) break;
    for_each_out(node(n), [&](const Edge& e) {
      if (parent[e.target] < 0) parent[e.target] = n, queue.push_back(e.target);
    });
  }
  if (parent[to] < 0) return {};
  std::vector<uint32_t> path{to};
  while (path.back() != from) path.push_back(static_cast<uint32_t>(parent[path.back()]));
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<uint32_t> LockGraph::successors(uint32_t n, size_t max) const {
  std::vector<uint32_t> out;
  if (n >= count_) return out;
  for_each_out(node(n), [&](const Edge& e) {
    if (out.size() < max) out.push_back(e.target);
  });
  return out;
}

}  // namespace lockscope::rt
