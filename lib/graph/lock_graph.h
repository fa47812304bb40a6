#pragma once
// The lock-order graph behind a report, for pictures (`lockscope graph`): one node per lock, one
// edge per ordered pair of locks (`to` taken while `from` was held) with every site that made it.
// Works for static and runtime reports alike: it reads only Finding.edges and Finding.locks (a
// double-lock without a self-edge gets one, at its location: a cycle of one lock).
//
// An edge is a cycle edge when both ends lie in the same strongly connected component (or it is
// a self-loop, a re-lock): those are the edges that can deadlock, and the pictures highlight them.
#include <string>
#include <vector>

#include "report/finding.h"

namespace lockscope::graph {

struct EdgeSite {
  report::Location location;  // where `to` was acquired
  std::string thread;
  friend bool operator==(const EdgeSite&, const EdgeSite&) = default;
};

struct LockGraph {
  struct Node {
    std::string name;
    bool in_cycle = false;
    size_t component = 0;  // strongly connected component: locks of one cycle share it
  };
  struct Edge {
    size_t from = 0;  // index into nodes
    size_t to = 0;
    std::vector<EdgeSite> sites;  // sorted by location, no duplicates
    bool in_cycle = false;
  };
  // A finding that is a cycle (lock-order-inversion, deadlock), for a legend next to the picture.
  struct Cycle {
    std::string kind;
    std::string message;
    report::Location location;
  };
  std::string source;  // "static" or "runtime"
  std::vector<Node> nodes;  // sorted by name
  std::vector<Edge> edges;  // sorted by (from, to)
  std::vector<Cycle> cycles;
};

LockGraph build_lock_graph(const report::Report& report);

// "file:line" (or "file:line:col"), or "unknown location".
std::string describe(const report::Location& location);

// A cycle's heading: "deadlock: 2 threads are blocked ..." once, not "deadlock: deadlock: ...";
// the kind is prefixed only when the message does not already start with it.
std::string cycle_title(const LockGraph::Cycle& cycle);

}  // namespace lockscope::graph
