#include "link/program.h"

namespace lockscope::link {

std::string global_lock_id(const facts::Path& p) {
  std::string id = "g:" + p.id;
  for (const auto& f : p.fields) id += "." + f.id;
  return id;
}

Program::Program(const std::vector<facts::TranslationUnitFacts>& units) {
  for (const auto& unit : units) {
    for (const auto& d : unit.diagnostics) diagnostics_.push_back(d);
    for (const auto& f : unit.functions) {
      // Inline functions and template instantiations appear in every unit that uses them with
      // the same body: the first copy stands for all.
      // Each main() is its own program: they all share one USR, so keep them apart by unit.
      if (f.is_main) {
        facts::Function main = f;
        main.usr += "@" + unit.main_file;
        functions_.emplace(main.usr, std::move(main));
        continue;
      }
      functions_.emplace(f.usr, f);
    }
  }
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

const facts::Function* Program::function(const std::string& usr) const {
  auto it = functions_.find(usr);
  return it == functions_.end() ? nullptr : &it->second;
}

std::vector<const facts::Function*> Program::targets(const std::vector<std::string>& usrs, bool is_virtual) const {
  std::vector<const facts::Function*> out;
  std::set<std::string> seen;
  std::vector<std::string> work(usrs.begin(), usrs.end());
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
