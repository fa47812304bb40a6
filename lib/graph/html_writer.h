#pragma once
// A single self-contained HTML page for a lock-order graph (`lockscope graph --format html`): an
// inline SVG picture (locks on a circle, arrows for "taken while holding", cycle edges and their
// locks in red, each arrow labelled with where it was made), then the cycles and a table of every
// edge with all its sites. No script, no external resource: it opens from a CI artifact as is.
//
// Structure other tools and tests may rely on: each lock is an SVG `<g class="node">` (plus
// ` cycle` when on a cycle) with `data-lock="<name>"`; each edge a `<g class="edge">` (plus
// ` cycle`) with `data-from` and `data-to`.
#include <iosfwd>

#include "graph/lock_graph.h"

namespace lockscope::graph {

void write_html(std::ostream& out, const LockGraph& graph);

}  // namespace lockscope::graph
