#include "link/holders.h"

#include <algorithm>

#include "link/ids.h"

namespace lockscope::link {

bool HolderGraph::add_callable(const std::string& holder, size_t callable) {
  std::vector<size_t>& list = callables_[holder];
  if (std::find(list.begin(), list.end(), callable) != list.end()) return false;
  list.push_back(callable);
  return true;
}

bool HolderGraph::add_flow(const std::string& into, const std::string& from) {
  return into != from && flows_[into].insert(from).second;
}

std::vector<HolderGraph::Reached> HolderGraph::reach(const std::string& holder) const {
  std::map<std::string, std::string> parent{{holder, ""}};
  std::vector<std::string> order{holder};
  for (size_t i = 0; i < order.size(); ++i)
    if (auto it = flows_.find(order[i]); it != flows_.end())
      for (const auto& from : it->second)
        if (parent.emplace(from, order[i]).second) order.push_back(from);
  std::vector<Reached> out;
  for (const std::string& h : order) {
    Reached r{h, {}};
    for (std::string at = h; !at.empty(); at = parent.at(at)) r.via.push_back(at);
    out.push_back(std::move(r));
  }
  return out;
}

const std::vector<size_t>& HolderGraph::callables(const std::string& holder) const {
  static const std::vector<size_t> none;
  auto it = callables_.find(holder);
  return it == callables_.end() ? none : it->second;
}

void hand_over_captures(ProgramRun& run, const std::vector<Handed>& handed) {
  std::vector<std::string> shared;
  for (const ThreadInstance& t : run.threads) shared.insert(shared.end(), t.given.begin(), t.given.end());
  auto is_shared = [&](const std::string& holder) {
    return holder.starts_with("g:") ||
           std::any_of(shared.begin(), shared.end(), [&](const std::string& s) { return overlaps(s, holder); });
  };
  std::set<std::pair<size_t, std::string>> done;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t t = 0; t < handed.size() && t < run.threads.size(); ++t)
      for (const auto& [id, via] : handed[t]) {
        if (done.count({t, id}) || !std::any_of(via.begin(), via.end(), is_shared)) continue;
        done.insert({t, id});
        run.threads[t].given.push_back(id);
        shared.push_back(id);
        changed = true;
      }
  }
}

}  // namespace lockscope::link
