#include "facts/ids.h"

#include <algorithm>

namespace lockscope::facts {

Symbol Symbols::intern(std::string_view text) {
  auto it = ids_.find(text);
  if (it != ids_.end()) return it->second;
  Symbol s = static_cast<Symbol>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(std::string(text), s);
  return s;
}

FieldChains::FieldChains() : nodes_(1) {}

uint32_t FieldChains::child(uint32_t parent, Symbol id, Symbol name, bool cut) {
  auto [it, fresh] = children_.try_emplace({parent, id, cut}, static_cast<uint32_t>(nodes_.size()));
  if (fresh) nodes_.push_back(Node{parent, id, name, nodes_[parent].length + 1, cut});
  return it->second;
}

uint32_t FieldChains::append(uint32_t chain, Symbol field_id, Symbol field_name) {
  if (nodes_[chain].length < kMaxFieldHops) return child(chain, field_id, field_name, false);
  // Cut short: the chain's first field stays, then "~" and the new last field.
  uint32_t first = chain;
  while (nodes_[first].parent != kEmpty) first = nodes_[first].parent;
  return child(first, field_id, field_name, true);
}

uint32_t FieldChains::concat(uint32_t chain, uint32_t suffix) {
  std::vector<uint32_t> fields;
  for (uint32_t n = suffix; n != kEmpty; n = nodes_[n].parent) fields.push_back(n);
  for (auto it = fields.rbegin(); it != fields.rend(); ++it) chain = append(chain, nodes_[*it].id, nodes_[*it].name);
  return chain;
}

bool FieldChains::is_prefix(uint32_t prefix, uint32_t chain) const {
  while (nodes_[chain].length > nodes_[prefix].length) chain = nodes_[chain].parent;
  return chain == prefix;
}

uint32_t FieldChains::suffix(uint32_t prefix, uint32_t chain) {
  std::vector<uint32_t> fields;
  for (uint32_t n = chain; n != prefix && n != kEmpty; n = nodes_[n].parent) fields.push_back(n);
  uint32_t out = kEmpty;
  for (auto it = fields.rbegin(); it != fields.rend(); ++it) out = append(out, nodes_[*it].id, nodes_[*it].name);
  return out;
}

std::string FieldChains::display(uint32_t chain, const Symbols& symbols) const {
  std::string out;
  for (uint32_t n = chain; n != kEmpty; n = nodes_[n].parent) {
    const std::string& name = symbols.text(nodes_[n].name);
    std::string part = (name.starts_with("[") ? "" : ".") + name;
    if (nodes_[n].cut) part = ".~" + part;
    out = part + out;
  }
  return out;
}

const HeldLock* LockSet::find(const ObjectId& id) const {
  auto it = std::lower_bound(locks_.begin(), locks_.end(), id, [](const HeldLock& h, const ObjectId& i) { return h.lock < i; });
  return it != locks_.end() && it->lock == id ? &*it : nullptr;
}

bool LockSet::insert(HeldLock h) {
  auto it = std::lower_bound(locks_.begin(), locks_.end(), h.lock,
                             [](const HeldLock& x, const ObjectId& i) { return x.lock < i; });
  if (it != locks_.end() && it->lock == h.lock) return false;
  locks_.insert(it, h);
  return true;
}

bool LockSet::erase(const ObjectId& id) {
  auto it = std::find_if(locks_.begin(), locks_.end(), [&](const HeldLock& h) { return h.lock == id; });
  if (it == locks_.end()) return false;
  locks_.erase(it);
  return true;
}

void LockSet::intersect(const LockSet& other) {
  std::erase_if(locks_, [&](const HeldLock& h) { return !other.contains(h.lock); });
}

void LockSet::unite(const LockSet& other) {
  for (const HeldLock& h : other) insert(h);
}

ObjectId Interner::intern(const Path& p, const std::string& class_name) {
  ObjectId id;
  switch (p.root) {
    case Path::Root::Unknown: return id;
    case Path::Root::Global:
    case Path::Root::Local:
      id.kind = p.root == Path::Root::Global ? ObjectId::Kind::Global : ObjectId::Kind::Local;
      id.root = symbols_.intern(p.id);
      root_names_.try_emplace(id.root, symbols_.intern(p.name));
      break;
    case Path::Root::Param:
      if (p.param < 0) return id;
      id.kind = ObjectId::Kind::Param;
      id.root = static_cast<uint32_t>(p.param);
      break;
    case Path::Root::This:
      id.kind = ObjectId::Kind::This;
      id.root = symbols_.intern(class_name);
      break;
  }
  for (const Path::Field& f : p.fields) id.fields = chains_.append(id.fields, symbols_.intern(f.id), symbols_.intern(f.name));
  return id;
}

std::string Interner::display(const ObjectId& id) const {
  std::string root;
  switch (id.kind) {
    case ObjectId::Kind::Unknown: return "?";
    case ObjectId::Kind::Global:
    case ObjectId::Kind::Local: {
      auto it = root_names_.find(id.root);
      root = it == root_names_.end() ? symbols_.text(id.root) : symbols_.text(it->second);
      break;
    }
    case ObjectId::Kind::Param: root = "parameter #" + std::to_string(id.root + 1); break;
    case ObjectId::Kind::This: {
      // Members of the object itself read as the class's fields: "Account::mu_".
      std::string fields = chains_.display(id.fields, symbols_);
      const std::string& cls = symbols_.text(id.root);
      if (cls.empty()) return "this" + fields;
      return cls + "::" + (fields.empty() ? "this" : fields.substr(1));
    }
  }
  return root + chains_.display(id.fields, symbols_);
}

}  // namespace lockscope::facts
