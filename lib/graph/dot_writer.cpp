#include "graph/dot_writer.h"

#include <ostream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

namespace lockscope::graph {

namespace {

struct VertexAttrs {
  std::string id, label, color, penwidth;
};
struct EdgeAttrs {
  std::string label, color, penwidth, tooltip;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexAttrs, EdgeAttrs>;

// Boost's writer quotes and escapes '"' only; a backslash would escape the closing quote, and in
// labels Graphviz reads backslash sequences, so backslashes are doubled here and "\\n" breaks lines.
std::string dot_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string site_label(const EdgeSite& s) {
  std::string label = describe(s.location);
  if (!s.thread.empty()) label += " (" + s.thread + ")";
  return label;
}

}  // namespace

void write_dot(std::ostream& out, const LockGraph& graph) {
  DotGraph g;
  for (const auto& n : graph.nodes) {
    // Node ids are the lock names: stable, readable, and escaped by the writer.
    boost::add_vertex(VertexAttrs{dot_text(n.name), dot_text(n.name), n.in_cycle ? "red" : "black", n.in_cycle ? "2" : "1"}, g);
  }
  for (const auto& e : graph.edges) {
    std::string label;
    for (const EdgeSite& s : e.sites) label += (label.empty() ? "" : "\\n") + dot_text(site_label(s));
    boost::add_edge(e.from, e.to,
                    EdgeAttrs{label, e.in_cycle ? "red" : "gray40", e.in_cycle ? "2.5" : "1",
                              dot_text(graph.nodes[e.from].name + " -> " + graph.nodes[e.to].name)},
                    g);
  }
  boost::dynamic_properties dp;
  dp.property("node_id", boost::get(&VertexAttrs::id, g));
  dp.property("label", boost::get(&VertexAttrs::label, g));
  dp.property("color", boost::get(&VertexAttrs::color, g));
  dp.property("penwidth", boost::get(&VertexAttrs::penwidth, g));
  dp.property("label", boost::get(&EdgeAttrs::label, g));
  dp.property("color", boost::get(&EdgeAttrs::color, g));
  dp.property("penwidth", boost::get(&EdgeAttrs::penwidth, g));
  dp.property("tooltip", boost::get(&EdgeAttrs::tooltip, g));
  boost::write_graphviz_dp(out, g, dp, "node_id");
}

}  // namespace lockscope::graph
