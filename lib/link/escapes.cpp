#include "link/escapes.h"

#include "facts/events.h"

#include <utility>
#include <vector>

namespace lockscope::link {

namespace {

constexpr int kThis = -1;  // the implicit object, among a function's parameters

}  // namespace

Escapes::Escapes(const Program& program) {
  std::set<std::pair<std::string, int>> params;  // (function USR, parameter) handed on
  bool changed = true;
  auto hand_on = [&](const facts::Function& fn, const facts::Path& p) {
    if (p.root == facts::Path::Root::Local && !p.id.empty()) changed |= locals_.insert(p.id).second;
    else if (p.root == facts::Path::Root::Param) changed |= params.insert({fn.usr, p.param}).second;
    else if (p.root == facts::Path::Root::This) changed |= params.insert({fn.usr, kThis}).second;
  };
  // A fixpoint over the call graph: a parameter handed on makes the arguments given for it handed on.
  while (changed) {
    changed = false;
    for (const auto& [usr, fn] : program.functions())
      facts::for_each_event(fn, [&](const facts::Event& e) {
        using Kind = facts::Event::Kind;
        if (e.kind == Kind::Spawn || e.kind == Kind::Store) {
          hand_on(fn, e.receiver);
          for (const facts::Path& a : e.args) hand_on(fn, a);
          hand_on(fn, e.value);
        } else if (e.kind == Kind::Bind) {
          hand_on(fn, e.value);
        } else if (e.kind == Kind::Call) {
          std::vector<const facts::Function*> targets = program.targets(e.callees, e.is_virtual, &fn);
          bool unseen = targets.empty();  // through a holder, or nothing the program defines
          for (const std::string& c : e.callees) unseen = unseen || !program.function(c);
          auto handed = [&](int param) {
            if (unseen) return true;
            for (const facts::Function* t : targets)
              if (params.count({t->usr, param})) return true;
            return false;
          };
          if (handed(kThis)) hand_on(fn, e.receiver);
          for (size_t i = 0; i < e.args.size(); ++i)
            if (handed(static_cast<int>(i))) hand_on(fn, e.args[i]);
        }
      });
  }
}

}  // namespace lockscope::link
