#include "link/call_graph.h"

#include <map>

#include "facts/events.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>

namespace lockscope::link {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

}  // namespace

CallGraph::CallGraph(const Program& program) {
  std::vector<const facts::Function*> fns;
  std::map<const facts::Function*, size_t> index;
  for (const auto& [usr, f] : program.functions()) {
    index[&f] = fns.size();
    fns.push_back(&f);
  }
  Graph g(fns.size());
  for (size_t i = 0; i < fns.size(); ++i)
    facts::for_each_event(*fns[i], [&](const facts::Event& e) {
      if (e.kind != facts::Event::Kind::Call && e.kind != facts::Event::Kind::Spawn) return;
      for (const facts::Function* t : program.targets(e.callees, e.is_virtual, fns[i])) {
        boost::add_edge(i, index.at(t), g);
        callers_[t].insert(fns[i]);
      }
    });

  // Tarjan's algorithm numbers components in the order it completes them: a component is
  // completed after every component it reaches, so ascending numbers are bottom-up.
  std::vector<int> component(fns.size());
  int count = fns.empty() ? 0 : boost::strong_components(g, component.data());
  components_.resize(count);
  for (size_t i = 0; i < fns.size(); ++i) components_[component[i]].push_back(fns[i]);

  std::vector<boost::default_color_type> color(fns.size(), boost::white_color);
  auto colors = boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g));
  for (const facts::Function* root : program.mains())
    boost::breadth_first_visit(g, index.at(root), boost::visitor(boost::default_bfs_visitor()).color_map(colors));
  for (const facts::Function* root : program.initializers())
    if (!program.mains().empty() && color[index.at(root)] == boost::white_color)
      boost::breadth_first_visit(g, index.at(root), boost::visitor(boost::default_bfs_visitor()).color_map(colors));
  for (size_t i = 0; i < fns.size(); ++i)
    if (color[i] != boost::white_color) closed_world_.insert(fns[i]);
}

const std::set<const facts::Function*>& CallGraph::callers(const facts::Function* f) const {
  static const std::set<const facts::Function*> kNone;
  auto it = callers_.find(f);
  return it == callers_.end() ? kNone : it->second;
}

}  // namespace lockscope::link
