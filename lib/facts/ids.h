#pragma once
// Typed identities of locks and memory, interned when facts are loaded (issue 13).
//
// Serialized facts name objects by facts::Path (strings stay stable in JSON); the link interns
// each into an ObjectId: a kind (where the object is rooted), the root's interned name or
// parameter index, and an interned chain of fields. Ids compare, sort and hash as three
// integers, so locksets are small sorted vectors and memo keys are structs. Nothing parses a
// prefix out of a string.
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "facts/facts.h"

namespace lockscope::facts {

using Symbol = uint32_t;

// Interned strings: USRs, class names, field ids and display names.
class Symbols {
 public:
  Symbol intern(std::string_view text);
  const std::string& text(Symbol s) const { return texts_[s]; }

 private:
  std::map<std::string, Symbol, std::less<>> ids_;
  std::vector<std::string> texts_;
};

// A field chain, interned as a trie: chain 0 is the empty chain; every other chain is its parent
// chain plus one field. Chains longer than kMaxFieldHops are cut short (k-limiting): the rest of
// the chain collapses to "~" followed by its last field, standing for that field of any object
// reached that way.
class FieldChains {
 public:
  static constexpr uint32_t kEmpty = 0;
  static constexpr unsigned kMaxFieldHops = 6;

  FieldChains();
  uint32_t append(uint32_t chain, Symbol field_id, Symbol field_name);
  uint32_t concat(uint32_t chain, uint32_t suffix);  // `suffix`'s fields appended to `chain`
  bool is_prefix(uint32_t prefix, uint32_t chain) const;
  uint32_t suffix(uint32_t prefix, uint32_t chain);  // `chain` less `prefix` (is_prefix must hold)
  unsigned length(uint32_t chain) const { return nodes_[chain].length; }
  // "a.b[2]" from the display names (empty for the empty chain).
  std::string display(uint32_t chain, const Symbols& symbols) const;

 private:
  struct Node {
    uint32_t parent = 0;
    Symbol id = 0, name = 0;
    unsigned length = 0;
    bool cut = false;  // this node stands for "~": fields left out
  };
  std::vector<Node> nodes_;
  std::map<std::tuple<uint32_t, Symbol, bool>, uint32_t> children_;
  uint32_t child(uint32_t parent, Symbol id, Symbol name, bool cut);
};

// A lock or a memory location. Relative ids (Param, This) name an object a function was given;
// composing summaries at call sites substitutes them by the caller's arguments.
struct ObjectId {
  enum class Kind : uint8_t { Unknown, Global, Local, Param, This };
  Kind kind = Kind::Unknown;
  // Global / Local: the interned USR; Param: the parameter index; This: the interned class name.
  uint32_t root = 0;
  uint32_t fields = FieldChains::kEmpty;

  bool known() const { return kind != Kind::Unknown; }
  friend bool operator==(const ObjectId&, const ObjectId&) = default;
  friend auto operator<=>(const ObjectId&, const ObjectId&) = default;
};

// One lock held, and how.
struct HeldLock {
  ObjectId lock;
  LockMode mode = LockMode::Exclusive;
  friend bool operator==(const HeldLock&, const HeldLock&) = default;
  friend auto operator<=>(const HeldLock&, const HeldLock&) = default;
};

// A small sorted set of held locks (by id; one mode per lock).
class LockSet {
 public:
  bool contains(const ObjectId& id) const { return find(id) != nullptr; }
  const HeldLock* find(const ObjectId& id) const;
  bool insert(HeldLock h);  // false when already held
  bool erase(const ObjectId& id);
  void intersect(const LockSet& other);
  void unite(const LockSet& other);
  bool empty() const { return locks_.empty(); }
  size_t size() const { return locks_.size(); }
  auto begin() const { return locks_.begin(); }
  auto end() const { return locks_.end(); }
  friend bool operator==(const LockSet&, const LockSet&) = default;
  friend auto operator<=>(const LockSet&, const LockSet&) = default;

 private:
  std::vector<HeldLock> locks_;
};

// Interns facts::Paths into ObjectIds and names them back for reports.
class Interner {
 public:
  // `this` of a method of `class_name` (may be empty for a lambda or a free function).
  ObjectId intern(const Path& p, const std::string& class_name);
  ObjectId with_fields(ObjectId base, uint32_t suffix) { return {base.kind, base.root, chains_.concat(base.fields, suffix)}; }
  // How a report names the object: "counter", "Account::mu_", "param #1.mu".
  std::string display(const ObjectId& id) const;
  Symbols& symbols() { return symbols_; }
  const Symbols& symbols() const { return symbols_; }
  FieldChains& chains() { return chains_; }
  const FieldChains& chains() const { return chains_; }

 private:
  Symbols symbols_;
  FieldChains chains_;
  std::map<Symbol, Symbol> root_names_;  // a global's or local's USR -> its display name
};

}  // namespace lockscope::facts
