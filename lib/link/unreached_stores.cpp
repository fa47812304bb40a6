#include "link/unreached_stores.h"

#include <algorithm>

namespace lockscope::link {

namespace {

std::string key_of(const facts::Path& p) {
  if (p.root != facts::Path::Root::Global || p.id.empty()) return {};
  std::string key = p.id;
  for (const facts::Path::Field& f : p.fields) key += "." + f.id;
  return key;
}

}  // namespace

GlobalHolderStores::GlobalHolderStores(const Program& program) {
  for (const auto& [usr, fn] : program.functions()) {
    auto add = [&](const facts::Event& e) {
      if (e.kind != facts::Event::Kind::Store) return;
      const std::string key = key_of(e.target);
      if (key.empty()) return;
      std::vector<std::string>& names = by_holder_[key];
      if (std::find(names.begin(), names.end(), fn.name) == names.end()) names.push_back(fn.name);
    };
    for (const facts::Block& b : fn.blocks) {
      for (const facts::Event& e : b.events) add(e);
      for (const facts::Edge& edge : b.succs)
        for (const facts::Event& e : edge.events) add(e);
    }
  }
  for (auto& [key, names] : by_holder_) std::sort(names.begin(), names.end());
}

std::vector<std::string> GlobalHolderStores::storers(const facts::Path& holder) const {
  auto it = by_holder_.find(key_of(holder));
  return it == by_holder_.end() ? std::vector<std::string>{} : it->second;
}

std::string unfollowed_holder_note(const std::string& callee_name, const std::vector<std::string>& storers) {
  std::string note = "lockscope: call through '" + callee_name + "' is not followed: ";
  if (storers.empty()) return note + "no callable stored into it was found";
  constexpr size_t kNamed = 3;
  std::string names;
  for (size_t i = 0; i < storers.size() && i < kNamed; ++i) names += (i ? ", '" : "'") + storers[i] + "'";
  if (storers.size() > kNamed) names += " and " + std::to_string(storers.size() - kNamed) + " more";
  return note + "it is stored into only in " + names + ", which no analyzed thread calls";
}

}  // namespace lockscope::link
