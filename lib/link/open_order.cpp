#include "link/open_order.h"

#include <algorithm>
#include <map>

#include "link/cycles.h"

namespace lockscope::link {
namespace {

using facts::ObjectId;
using Graph = LockGraph;
using Vertex = LockVertex;

bool named(const ObjectId& lock) { return lock.kind == ObjectId::Kind::Global || lock.kind == ObjectId::Kind::This; }

// A lock held exclusively at one edge and held at every edge, and none of the cycle's own, keeps
// the edges from waiting at once.
bool gated(const std::vector<OrderEdgeEvidence>& edges) {
  for (const facts::HeldLock& g : edges.front().acquire->held) {
    bool everywhere = true, exclusive = false, own = false;
    for (const OrderEdgeEvidence& e : edges) {
      const facts::HeldLock* h = e.acquire->held.find(g.lock);
      if (!h) everywhere = false;
      else exclusive = exclusive || h->mode == facts::LockMode::Exclusive;
      own = own || e.from == g.lock;
    }
    if (everywhere && exclusive && !own) return true;
  }
  return false;
}

// Readers pass readers: a shared wait on a shared hold does not block, so such a cycle cannot close.
bool readers_only(const std::vector<OrderEdgeEvidence>& edges) {
  for (size_t i = 0; i < edges.size(); ++i) {
    const OrderEdgeEvidence& wait = edges[i];
    const OrderEdgeEvidence& hold = edges[(i + 1) % edges.size()];
    const facts::HeldLock* held = hold.acquire->held.find(hold.from);
    if (wait.acquire->lock.mode == facts::LockMode::Shared && held && held->mode == facts::LockMode::Shared) return true;
  }
  return false;
}

}  // namespace

void find_open_order_cycles(const std::vector<EntryPoint>& entries, const Summaries& summaries,
                            OpenCodeHandler& handler, unsigned max_cycles) {
  std::map<ObjectId, Vertex> vertex;
  std::vector<ObjectId> lock_of;
  auto v = [&](const ObjectId& id) {
    auto [it, fresh] = vertex.emplace(id, lock_of.size());
    if (fresh) lock_of.push_back(id);
    return it->second;
  };
  std::map<std::pair<Vertex, Vertex>, std::vector<OrderEdgeEvidence>> instances;
  for (const EntryPoint& e : entries)
    for (const SummaryAcquire& a : summaries.of(*e.fn).acquires) {
      if (a.is_try || !named(a.lock.lock)) continue;
      for (const facts::HeldLock& h : a.held)
        if (named(h.lock) && h.lock != a.lock.lock) instances[{v(h.lock), v(a.lock.lock)}].push_back({h.lock, &e, &a});
    }
  Graph g(lock_of.size());
  for (auto& [pair, list] : instances) {
    boost::add_edge(pair.first, pair.second, g);
    std::stable_sort(list.begin(), list.end(), [](const OrderEdgeEvidence& a, const OrderEdgeEvidence& b) {
      return a.acquire->site < b.acquire->site;
    });
  }
  std::vector<std::vector<Vertex>> cycles;
  if (!elementary_cycles(g, max_cycles, cycles)) {
    handler.note({}, "lockscope: the lock-order graph of the concurrent APIs has more than " + std::to_string(max_cycles) +
                         " cycles; only the first are checked");
  }
  for (const auto& cycle : cycles) {
    if (cycle.size() < 2) continue;
    std::vector<const std::vector<OrderEdgeEvidence>*> options;
    for (size_t i = 0; i < cycle.size(); ++i) options.push_back(&instances.at({cycle[i], cycle[(i + 1) % cycle.size()]}));
    // Odometer over the instances of each edge (source order): the first that can close is reported.
    std::vector<size_t> pick(options.size(), 0);
    for (unsigned tried = 0; tried < 4096; ++tried) {
      CycleEvidence c;
      for (size_t i = 0; i < options.size(); ++i) c.edges.push_back((*options[i])[pick[i]]);
      if (!gated(c.edges) && !readers_only(c.edges)) {
        handler.cycle(c);
        break;
      }
      size_t i = 0;
      while (i < pick.size() && ++pick[i] == options[i]->size()) pick[i++] = 0;
      if (i == pick.size()) break;
    }
  }
}

}  // namespace lockscope::link
