#pragma once
// Graphviz DOT for a lock-order graph (`lockscope graph --format dot`), written by Boost.Graph's
// Graphviz writer. Render with `dot -Tsvg graph.dot > graph.svg`. Cycle edges and their locks are
// red and bold; every edge is labelled with where it was made (and by which thread).
#include <iosfwd>

#include "graph/lock_graph.h"

namespace lockscope::graph {

void write_dot(std::ostream& out, const LockGraph& graph);

}  // namespace lockscope::graph
