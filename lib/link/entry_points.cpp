#include "link/entry_points.h"

#include <algorithm>
#include <map>

namespace lockscope::link {
namespace {

using facts::ObjectId;

bool is_method(const facts::Function& f) { return f.access != facts::Function::Access::None && !f.class_name.empty(); }

// A public method of a class no other unit can name (an anonymous namespace's) that only its own
// class and constructors call is a helper, analysed in its callers' context: all its calls are in
// sight. (LRUCache::SetCapacity, called from its owner's constructor; InMemoryEnv's
// RemoveFileInternal, called by its methods with the lock held.)
bool internal_helper(const facts::Function& f, const CallGraph& graph) {
  const auto& callers = graph.callers(&f);
  return !f.external && !callers.empty() && std::all_of(callers.begin(), callers.end(), [&](const facts::Function* c) {
    return c->is_constructor || c->is_destructor || c->class_name == f.class_name;
  });
}

bool is_class_entry(const facts::Function& f, const CallGraph& graph) {
  return is_method(f) && f.access == facts::Function::Access::Public && !f.is_constructor && !f.is_destructor &&
         !internal_helper(f, graph);
}

bool is_module_entry(const facts::Function& f) {
  return f.access == facts::Function::Access::None && f.class_name.empty() && f.external && !f.is_main &&
         !f.is_initializer;
}

// A lock of the object's own, taken (or left held) by a call to `f`.
ObjectId own_lock(const Summary& s) {
  for (const SummaryAcquire& a : s.acquires)
    if (a.lock.lock.kind == ObjectId::Kind::This) return a.lock.lock;
  for (const facts::HeldLock& h : s.net_acquired)
    if (h.lock.kind == ObjectId::Kind::This) return h.lock;
  return {};
}

// A lock a module shares between calls: a global, or one a caller hands in.
ObjectId shared_lock(const Summary& s) {
  auto shared = [](const ObjectId& id) { return id.kind == ObjectId::Kind::Global || id.kind == ObjectId::Kind::Param; };
  for (const SummaryAcquire& a : s.acquires)
    if (shared(a.lock.lock)) return a.lock.lock;
  for (const facts::HeldLock& h : s.net_acquired)
    if (shared(h.lock)) return h.lock;
  return {};
}

}  // namespace

std::vector<EntryPoint> concurrent_entry_points(const Program& program, const CallGraph& graph,
                                                const Summaries& summaries) {
  struct Api {
    std::vector<const facts::Function*> entries;
    ObjectId lock;
    const facts::Function* taken_in = nullptr;
  };
  std::map<std::pair<EntryPoint::Api, std::string>, Api> apis;
  for (const auto& [usr, f] : program.functions()) {
    if (graph.closed_world().count(&f)) continue;
    std::pair<EntryPoint::Api, std::string> key;
    ObjectId lock;
    if (is_class_entry(f, graph)) {
      key = {EntryPoint::Api::Class, f.class_name};
      if (!f.is_static) lock = own_lock(summaries.of(f));
    } else if (is_module_entry(f)) {
      key = {EntryPoint::Api::Module, f.loc.file};
      lock = shared_lock(summaries.of(f));
    } else {
      continue;
    }
    Api& api = apis[key];
    api.entries.push_back(&f);
    if (lock.known() && !api.taken_in) api.lock = lock, api.taken_in = &f;
  }
  std::vector<EntryPoint> out;
  for (const auto& [key, api] : apis) {
    if (!api.taken_in) continue;  // no lock of its own: nothing says it is meant to be shared
    for (const facts::Function* f : api.entries) out.push_back(EntryPoint{f, key.first, key.second, api.lock, api.taken_in});
  }
  return out;
}

}  // namespace lockscope::link
