#include "link/program.h"

#include <algorithm>
#include <cstdint>

#include "facts/events.h"
#include "link/programs.h"

namespace lockscope::link {

std::string global_lock_id(const facts::Path& p) {
  std::string id = "g:" + p.id;
  for (const auto& f : p.fields) id += "." + f.id;
  return id;
}

Program::Program(const std::vector<facts::TranslationUnitFacts>& units) {
  // Every definition of each USR, by unit: one definition (the same location) shared by many
  // units is an inline function or a template; different definitions are different programs'.
  std::map<std::string, std::vector<std::pair<size_t, const facts::Function*>>> defs;
  std::vector<UnitLinks> links(units.size());
  for (size_t u = 0; u < units.size(); ++u) {
    for (const auto& d : units[u].diagnostics) diagnostics_.push_back(d);
    for (const auto& f : units[u].functions) {
      links[u].has_main = links[u].has_main || f.is_main;
      facts::for_each_event(f, [&](const facts::Event& e) { links[u].calls.insert(e.callees.begin(), e.callees.end()); });
      // Each main() is its own program: they all share one USR, so keep them apart by unit.
      if (f.is_main) {
        facts::Function main = f;
        main.usr += "@" + units[u].main_file;
        unit_of_.emplace(main.usr, u);
        functions_.emplace(main.usr, std::move(main));
        continue;
      }
      defs[f.usr].emplace_back(u, &f);
    }
  }
  std::map<std::string, std::vector<size_t>> definers;
  for (const auto& [usr, list] : defs) {
    bool distinct = std::any_of(list.begin(), list.end(), [&](const auto& d) { return d.second->loc != list[0].second->loc; });
    if (!distinct) {
      functions_.emplace(usr, *list[0].second);
      unit_of_.emplace(usr, list[0].first);
      if (list.size() == 1) definers[usr] = {list[0].first};
      continue;
    }
    for (const auto& [u, f] : list) {
      facts::Function copy = *f;
      copy.usr = usr + "@" + units[u].main_file;
      if (!functions_.emplace(copy.usr, std::move(copy)).second) continue;
      unit_of_.emplace(usr + "@" + units[u].main_file, u);
      duplicates_[usr].emplace_back(u, usr + "@" + units[u].main_file);
      definers[usr].push_back(u);
    }
  }
  membership_ = std::make_unique<ProgramMembership>(links, definers);
  for (const auto& [usr, f] : functions_) {
    for (const auto& base : f.overrides) overriders_[base].insert(usr);
    if (f.is_main) mains_.push_back(&f);
    if (f.is_initializer) initializers_.push_back(&f);
    for (const auto& b : f.blocks)
      for (const auto& e : b.events)
        if (e.kind == facts::Event::Kind::Recursive)
          for (const auto& l : e.locks)
            if (l.root == facts::Path::Root::Global) recursive_locks_.insert(global_lock_id(l));
  }
}

Program::~Program() = default;

std::string Program::resolve(const std::string& usr, const facts::Function* caller) const {
  auto dup = duplicates_.find(usr);
  if (dup == duplicates_.end()) return usr;
  const auto& list = dup->second;
  auto unit = caller ? unit_of_.find(caller->usr) : unit_of_.end();
  if (unit != unit_of_.end()) {
    for (const auto& [u, key] : list)
      if (u == unit->second) return key;
    for (const auto& [u, key] : list)
      if (membership_->share_a_program(u, unit->second)) return key;
  }
  size_t from = unit == unit_of_.end() ? SIZE_MAX : unit->second;
  if (noted_.emplace(usr, from).second) {
    const facts::Function& first = functions_.at(list.front().second);
    resolution_notes_.push_back(
        {report::Diagnostic::Severity::Note, caller ? caller->loc : first.loc,
         "lockscope: '" + first.name + "' is defined differently in " + std::to_string(list.size()) +
             " units of the compile database (several programs), and no main() links this call with one of them; "
             "the definition at " + first.loc.file + ":" + std::to_string(first.loc.line) + " is assumed"});
  }
  return list.front().second;
}

const facts::Function* Program::function(const std::string& usr) const {
  auto it = functions_.find(usr);
  if (it == functions_.end())
    if (auto dup = duplicates_.find(usr); dup != duplicates_.end()) it = functions_.find(dup->second.front().second);
  return it == functions_.end() ? nullptr : &it->second;
}

std::vector<const facts::Function*> Program::targets(const std::vector<std::string>& usrs, bool is_virtual,
                                                     const facts::Function* caller) const {
  std::vector<const facts::Function*> out;
  std::set<std::string> seen;
  std::vector<std::string> work;
  for (const std::string& usr : usrs) work.push_back(resolve(usr, caller));
  while (!work.empty()) {
    std::string usr = work.back();
    work.pop_back();
    if (!seen.insert(usr).second) continue;
    if (const facts::Function* f = function(usr)) out.push_back(f);
    if (!is_virtual) continue;
    if (auto it = overriders_.find(usr); it != overriders_.end())
      for (const auto& o : it->second) work.push_back(o);
  }
  return out;
}

const std::vector<unsigned>& Program::block_order(const facts::Function& f) const {
  auto it = orders_.find(f.usr);
  if (it != orders_.end()) return it->second;
  std::vector<unsigned> post;
  std::vector<char> seen(f.blocks.size(), 0);
  std::vector<std::pair<unsigned, size_t>> stack;
  if (f.entry < f.blocks.size()) {
    seen[f.entry] = 1;
    stack.emplace_back(f.entry, 0);
  }
  while (!stack.empty()) {
    auto& [b, next] = stack.back();
    if (next == f.blocks[b].succs.size()) {
      post.push_back(b);
      stack.pop_back();
      continue;
    }
    unsigned to = f.blocks[b].succs[next++].to;
    if (to < f.blocks.size() && !seen[to]) {
      seen[to] = 1;
      stack.emplace_back(to, 0);
    }
  }
  return orders_[f.usr] = std::vector<unsigned>(post.rbegin(), post.rend());
}

}  // namespace lockscope::link
