#include "graph/lock_graph.h"

#include <algorithm>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "report/kinds.h"

namespace lockscope::graph {

namespace {
bool is_cycle_kind(const std::string& kind) {
  return kind == report::kLockOrderInversion || kind == report::kDeadlock || kind == report::kDoubleLock;
}

std::string thread_of(const report::Finding& f) {
  if (f.threads.empty()) return {};
  return f.threads.front().entry.empty() ? f.threads.front().id : f.threads.front().entry;
}

// A double-lock is a cycle of one lock: the lock taken while it is held. Reports name the lock and
// where it was taken again, not always as an edge; drawn as a self-loop, it is seen as the hang it is.
std::vector<report::LockEdge> edges_of(const report::Finding& f) {
  if (f.kind != report::kDoubleLock || f.locks.empty()) return f.edges;
  for (const report::LockEdge& e : f.edges)
    if (e.from == e.to) return f.edges;
  std::vector<report::LockEdge> out = f.edges;
  out.push_back({f.locks.front(), f.locks.front(), f.location, thread_of(f)});
  return out;
}
}  // namespace

std::string describe(const report::Location& loc) {
  if (loc.file.empty()) return "unknown location";
  std::string s = loc.file;
  if (loc.line != 0) s += ":" + std::to_string(loc.line);
  if (loc.line != 0 && loc.column != 0) s += ":" + std::to_string(loc.column);
  return s;
}

std::string cycle_title(const LockGraph::Cycle& c) {
  std::string spaced = c.kind;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  for (const std::string& said : {c.kind, spaced})
    if (c.message.starts_with(said)) return c.message;
  return c.kind + ": " + c.message;
}

LockGraph build_lock_graph(const report::Report& report) {
  LockGraph g;
  g.source = report.source;

  std::map<std::string, size_t> index;  // lock name -> node, filled in name order below
  for (const report::Finding& f : report.findings) {
    for (const std::string& lock : f.locks) index.emplace(lock, 0);
    for (const report::LockEdge& e : edges_of(f)) index.emplace(e.from, 0), index.emplace(e.to, 0);
    if (is_cycle_kind(f.kind)) g.cycles.push_back({f.kind, f.message, f.location});
  }
  for (auto& [name, i] : index) {
    i = g.nodes.size();
    g.nodes.push_back({name, false});
  }

  std::map<std::pair<size_t, size_t>, std::vector<EdgeSite>> sites;
  for (const report::Finding& f : report.findings)
    for (const report::LockEdge& e : edges_of(f)) sites[{index[e.from], index[e.to]}].push_back({e.location, e.thread});
  for (auto& [ends, list] : sites) {
    std::sort(list.begin(), list.end(), [](const EdgeSite& a, const EdgeSite& b) {
      return std::tie(a.location, a.thread) < std::tie(b.location, b.thread);
    });
    list.erase(std::unique(list.begin(), list.end()), list.end());
    g.edges.push_back({ends.first, ends.second, std::move(list), false});
  }

  using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  BoostGraph bg(g.nodes.size());
  for (const auto& e : g.edges) boost::add_edge(e.from, e.to, bg);
  std::vector<int> component(g.nodes.size());
  if (!g.nodes.empty()) boost::strong_components(bg, component.data());
  for (size_t i = 0; i < g.nodes.size(); ++i) g.nodes[i].component = static_cast<size_t>(component[i]);
  for (auto& e : g.edges) {
    e.in_cycle = e.from == e.to || component[e.from] == component[e.to];
    if (e.in_cycle) g.nodes[e.from].in_cycle = g.nodes[e.to].in_cycle = true;
  }
  return g;
}

}  // namespace lockscope::graph
