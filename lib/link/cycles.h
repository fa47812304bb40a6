#pragma once
// Elementary circuits of a lock-order graph (Boost.Graph's hawick_unique_circuits), up to a limit:
// shared by the thread analysis (lock_order.cpp) and the open-code one (open_order.cpp).
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>

namespace lockscope::link {

using LockGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using LockVertex = boost::graph_traits<LockGraph>::vertex_descriptor;

namespace cycles_detail {
struct TooMany {};
struct Collector {
  std::vector<std::vector<LockVertex>>* cycles;
  unsigned limit;
  template <typename Path, typename G>
  void cycle(const Path& p, const G&) {
    if (cycles->size() >= limit) throw TooMany{};
    cycles->emplace_back(p.begin(), p.end());
  }
};
}  // namespace cycles_detail

// False when there were more than `limit` cycles (the first `limit` are in `cycles`).
inline bool elementary_cycles(const LockGraph& g, unsigned limit, std::vector<std::vector<LockVertex>>& cycles) {
  try {
    boost::hawick_unique_circuits(g, cycles_detail::Collector{&cycles, limit});
  } catch (const cycles_detail::TooMany&) {
    return false;
  }
  return true;
}

}  // namespace lockscope::link
