#pragma once
// The whole program as the link sees it: every unit's functions merged by USR, and the virtual
// override relation, so a call to a base method can reach every override in the program.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "report/finding.h"

namespace lockscope::link {

class Program {
 public:
  explicit Program(const std::vector<facts::TranslationUnitFacts>& units);

  // Null when the program holds no body for `usr` (a library function, a pure virtual).
  const facts::Function* function(const std::string& usr) const;
  // `usr` itself and, for a virtual call, every method overriding it, directly or not. A symbol
  // several programs define differently resolves to the definition in `caller`'s program
  // (programs.h); one that cannot be placed resolves to the first definition, with a note.
  std::vector<const facts::Function*> targets(const std::vector<std::string>& usrs, bool is_virtual,
                                              const facts::Function* caller = nullptr) const;
  // Every main() in the program (more than one means the units are several programs).
  const std::vector<const facts::Function*>& mains() const { return mains_; }
  // Dynamic initialisations of globals: they run on the main thread before main().
  const std::vector<const facts::Function*>& initializers() const { return initializers_; }
  // Reverse post-order of a function's blocks: the order the dataflow visits them.
  const std::vector<unsigned>& block_order(const facts::Function& f) const;
  // Locks initialised as recursive (pthread attributes, mtx_recursive), by resolved global id.
  bool initialised_recursive(const std::string& lock_id) const { return recursive_locks_.count(lock_id) != 0; }
  const std::vector<report::Diagnostic>& diagnostics() const { return diagnostics_; }
  // Notes on calls to a duplicated symbol that could not be placed in the caller's program.
  const std::vector<report::Diagnostic>& resolution_notes() const { return resolution_notes_; }
  const std::map<std::string, facts::Function>& functions() const { return functions_; }

 private:
  std::map<std::string, facts::Function> functions_;
  std::map<std::string, std::set<std::string>> overriders_;  // base USR -> direct overriders
  std::vector<const facts::Function*> mains_;
  std::vector<const facts::Function*> initializers_;
  std::set<std::string> recursive_locks_;
  mutable std::map<std::string, std::vector<unsigned>> orders_;
  std::vector<report::Diagnostic> diagnostics_;
  // A USR several units define differently: each definition, by the unit defining it, stored in
  // functions_ under "<usr>@<unit's main file>".
  std::map<std::string, std::vector<std::pair<size_t, std::string>>> duplicates_;
  std::map<std::string, size_t> unit_of_;  // function key -> the (first) unit defining it
  std::unique_ptr<class ProgramMembership> membership_;
  std::string resolve(const std::string& usr, const facts::Function* caller) const;
  mutable std::vector<report::Diagnostic> resolution_notes_;
  mutable std::set<std::pair<std::string, size_t>> noted_;

 public:
  ~Program();
};

// The identity of a global lock path, as the lockset analysis names it ("g:<usr>.<field>...").
std::string global_lock_id(const facts::Path& p);

}  // namespace lockscope::link
