#pragma once
// The concurrent entry points of open code (no main() needed), inferred as Infer's RacerD does:
// - a C++ class that takes a lock of its own (a member, a member's member, a pimpl's) in a public
//   method is meant to be shared: its public methods may run at the same time on one object, each
//   with itself too; constructors and destructors run alone on their object; a public method of a
//   class no other unit can name that only its own class (or constructors) calls is a helper;
// - a module (the external functions defined in one source file) that takes a global lock or one
//   it was handed in an external function is a concurrent module: its external functions may run
//   at the same time; `static` functions run only inside their callers;
// - private and static helpers are entry points of nothing: they are analysed in their callers'
//   summaries, so a helper only ever called with the lock held is silent.
// Functions a main() reaches are left to the thread analysis (the closed world speaks for them).
#include <string>
#include <vector>

#include "facts/ids.h"
#include "link/call_graph.h"
#include "link/summary.h"

namespace lockscope::link {

struct EntryPoint {
  const facts::Function* fn = nullptr;
  enum class Api { Class, Module } api = Api::Class;
  std::string owner;  // the class, or the module's source file
  // Why the API is concurrent: a lock it takes and the public entry point that takes it.
  facts::ObjectId lock;
  const facts::Function* taken_in = nullptr;
};

std::vector<EntryPoint> concurrent_entry_points(const Program& program, const CallGraph& graph,
                                                const Summaries& summaries);

}  // namespace lockscope::link
