#include "link/lockset.h"

#include <optional>
#include <tuple>

namespace lockscope::link {
namespace {

using facts::Event;
using facts::LockMode;
using facts::Path;

// What a path designates in one analysis context. Ids: "g:" global, "l:" local, "p:" a parameter
// no call site bound, "t:" `this` of a class when no call site bound it (member locks of an
// unknown object are then named by class and field), followed by ".<field id>"s.
struct Resolved {
  std::string id;
  std::string name;
};

struct Context {
  std::optional<Resolved> self;
  std::vector<std::optional<Resolved>> params;
};

struct Held {
  std::string name;
  report::Location site;  // where it was taken; unknown when it was held on entry
  LockMode mode = LockMode::Exclusive;
  bool recursive = false;
  int count = 1;
  bool inherited = false;  // held when the analysed function was entered
};
using LockSet = std::map<std::string, Held>;

struct Spawn {
  std::vector<const facts::Function*> entries;
  Context context;
  report::Location site;
  bool in_loop = false;
  std::string key;  // identifies the thread it starts: site, entry and what it was given
};

// One function analysed in one context. Chains are relative to that function, so a memoised
// result serves every caller; sites of locks held on entry are left unknown and filled in by
// the caller that knows them.
struct Result {
  LockSet exit;
  std::set<std::string> net;  // locks the call leaves held (more often than on entry)
  std::vector<OrderEdge> edges;
  std::vector<DoubleLock> doubles;
  std::vector<Access> accesses;
  std::vector<Spawn> spawns;
  std::vector<report::Diagnostic> diags;
};

std::map<std::string, LockMode> modes(const LockSet& s) {
  std::map<std::string, LockMode> out;
  for (const auto& [id, h] : s) out[id] = h.mode;
  return out;
}

// Join of two paths: a lock is held after the join only if both paths hold it.
bool intersect_into(std::optional<LockSet>& dst, const LockSet& src) {
  if (!dst) {
    dst = src;
    return true;
  }
  bool changed = false;
  for (auto it = dst->begin(); it != dst->end();) {
    auto other = src.find(it->first);
    if (other == src.end()) {
      it = dst->erase(it);
      changed = true;
      continue;
    }
    if (other->second.count < it->second.count) {
      it->second.count = other->second.count;
      changed = true;
    }
    ++it;
  }
  return changed;
}

class Analyzer {
 public:
  Analyzer(const Program& program, const Limits& limits) : program_(program), limits_(limits) {}

  ProgramRun run() {
    ProgramRun out;
    struct Pending {
      std::vector<const facts::Function*> entries;
      Context context;
    };
    std::vector<Pending> pending;
    for (const facts::Function* m : program_.mains()) {
      out.threads.push_back(ThreadInstance{"main", {}, false, -1});
      pending.push_back(Pending{{m}, {}});
    }
    if (program_.mains().empty())
      note(out.diagnostics, {}, "lockscope: the program has no main(): only threads it starts elsewhere are analyzed");
    std::map<std::string, int> by_key;
    for (size_t i = 0; i < pending.size(); ++i) {
      for (const facts::Function* entry : pending[i].entries) {
        const Result& r = analyze(*entry, pending[i].context, LockSet{}, 0);
        int t = static_cast<int>(i);
        for (OrderEdge e : r.edges) out.edges.push_back((e.thread = t, std::move(e)));
        for (DoubleLock d : r.doubles) out.double_locks.push_back((d.thread = t, std::move(d)));
        for (Access a : r.accesses) out.accesses.push_back((a.thread = t, std::move(a)));
        for (const auto& d : r.diags) out.diagnostics.push_back(d);
        for (const Spawn& s : r.spawns) {
          auto [it, fresh] = by_key.emplace(s.key, static_cast<int>(out.threads.size()));
          if (!fresh) {
            out.threads[it->second].multiple = true;  // the same thread started again
            continue;
          }
          if (out.threads.size() >= limits_.threads) {
            note(out.diagnostics, s.site, "lockscope: too many distinct threads; this one is not analyzed");
            continue;
          }
          out.threads.push_back(ThreadInstance{s.entries.front()->name, s.site, s.in_loop, t});
          pending.push_back(Pending{s.entries, s.context});
        }
      }
    }
    // A thread started by a thread that runs several times runs several times too.
    for (auto& t : out.threads)
      if (t.parent >= 0 && out.threads[t.parent].multiple) t.multiple = true;
    dedupe_diagnostics(out.diagnostics);
    return out;
  }

 private:
  static void note(std::vector<report::Diagnostic>& to, report::Location at, std::string message) {
    to.push_back(report::Diagnostic{report::Diagnostic::Severity::Note, std::move(at), std::move(message)});
  }

  static void dedupe_diagnostics(std::vector<report::Diagnostic>& ds) {
    std::set<std::pair<report::Location, std::string>> seen;
    std::vector<report::Diagnostic> out;
    for (auto& d : ds)
      if (seen.emplace(d.location, d.message).second) out.push_back(std::move(d));
    ds = std::move(out);
  }

  // ---- paths -------------------------------------------------------------------------------

  Resolved bound(Resolved r) const {
    for (int i = 0; i < 8; ++i) {
      auto it = bindings_.find(r.id);
      if (it == bindings_.end()) break;
      r = it->second;
    }
    return r;
  }

  std::optional<Resolved> resolve(const Path& p, const facts::Function& fn, const Context& c,
                                  bool bind_last = true) const {
    Resolved r;
    switch (p.root) {
      case Path::Root::Unknown: return std::nullopt;
      case Path::Root::Global: r = {"g:" + p.id, p.name}; break;
      case Path::Root::Local: r = {"l:" + p.id, p.name}; break;
      case Path::Root::Param:
        if (p.param >= 0 && static_cast<size_t>(p.param) < c.params.size() && c.params[p.param]) r = *c.params[p.param];
        else r = {"p:" + fn.usr + "#" + std::to_string(p.param), p.name};
        break;
      case Path::Root::This:
        if (c.self) r = *c.self;
        else r = {"t:" + fn.class_name, fn.class_name.empty() ? "this" : fn.class_name + ":"};
        break;
    }
    if (bind_last || !p.fields.empty()) r = bound(r);
    for (size_t i = 0; i < p.fields.size(); ++i) {
      const auto& f = p.fields[i];
      r.id += "." + f.id;
      bool glue = f.name.starts_with("[") || r.name.ends_with(":");
      r.name += (glue ? (r.name.ends_with(":") ? ":" : "") : ".") + f.name;
      if (bind_last || i + 1 < p.fields.size()) r = bound(r);
    }
    return r;
  }

  Context callee_context(const Event& e, const facts::Function& fn, const Context& c) const {
    Context out;
    if (e.receiver.known()) out.self = resolve(e.receiver, fn, c);
    for (const Path& a : e.args) out.params.push_back(resolve(a, fn, c));
    return out;
  }

  static std::string key_of(const std::optional<Resolved>& r) { return r ? r->id : "?"; }

  // ---- the dataflow ------------------------------------------------------------------------

  const Result& analyze(const facts::Function& fn, const Context& c, const LockSet& entry, unsigned depth) {
    LockSet in0 = entry;
    for (auto& [id, h] : in0) {
      h.inherited = true;
      h.site = {};
    }
    std::string key = fn.usr + "|" + key_of(c.self);
    for (const auto& p : c.params) key += "," + key_of(p);
    key += "|";
    for (const auto& [id, h] : in0) key += id + (h.mode == LockMode::Shared ? "/s" : "/x") + std::to_string(h.count) + ";";
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    if (active_.count(key) || memo_.size() >= limits_.contexts) {
      Result& cut = cut_[key];
      cut.exit = in0;
      if (memo_.size() >= limits_.contexts)
        note(cut.diags, fn.loc, "lockscope: analysis budget exhausted; '" + fn.name + "' not analyzed in this context");
      return cut;  // recursion: this context is already being analysed further up
    }
    active_.insert(key);

    std::vector<std::optional<LockSet>> in(fn.blocks.size());
    in[fn.entry] = in0;
    const std::vector<unsigned>& order = program_.block_order(fn);
    bool stable = false;
    for (int round = 0; round < 100 && !stable; ++round) {
      stable = true;
      for (unsigned b : order) {
        if (!in[b]) continue;
        LockSet s = *in[b];
        for (const Event& e : fn.blocks[b].events) step(e, s, fn, c, nullptr, depth);
        for (const facts::Edge& edge : fn.blocks[b].succs) {
          LockSet t = s;
          for (const Event& e : edge.events) step(e, t, fn, c, nullptr, depth);
          if (intersect_into(in[edge.to], t)) stable = false;
        }
      }
    }
    Result res;
    if (!stable) note(res.diags, fn.loc, "lockscope: lock sets in '" + fn.name + "' did not settle; results may be incomplete");
    for (unsigned b : order) {
      if (!in[b]) continue;
      LockSet s = *in[b];
      for (const Event& e : fn.blocks[b].events) step(e, s, fn, c, &res, depth);
      for (const facts::Edge& edge : fn.blocks[b].succs) {
        LockSet t = s;
        for (const Event& e : edge.events) step(e, t, fn, c, &res, depth);
      }
    }
    res.exit = in[fn.exit] ? *in[fn.exit] : in0;
    for (const auto& [id, h] : res.exit) {
      auto before = in0.find(id);
      if (before == in0.end() || h.count > before->second.count) res.net.insert(id);
    }
    active_.erase(key);
    return memo_[key] = std::move(res);
  }

  void step(const Event& e, LockSet& s, const facts::Function& fn, const Context& c, Result* rec, unsigned depth) {
    switch (e.kind) {
      case Event::Kind::Acquire: return acquire(e, s, fn, c, rec);
      case Event::Kind::Release:
        for (const Path& p : e.locks)
          if (auto r = resolve(p, fn, c))
            if (auto it = s.find(r->id); it != s.end() && --it->second.count <= 0) s.erase(it);
        return;
      case Event::Kind::Call: return call(e, s, fn, c, rec, depth);
      case Event::Kind::Spawn: return spawn(e, fn, c, rec);
      case Event::Kind::Access:
        if (rec)
          if (auto r = resolve(e.target, fn, c))
            rec->accesses.push_back(Access{r->id, r->name, e.write, e.loc, modes(s), {}, fn.name, -1});
        return;
      case Event::Kind::Bind: {
        auto t = resolve(e.target, fn, c, /*bind_last=*/false);
        auto v = resolve(e.value, fn, c);
        if (t && v && t->id != v->id) bindings_[t->id] = *v;
        return;
      }
      case Event::Kind::Join:
      case Event::Kind::Recursive:
        return;
    }
  }

  void acquire(const Event& e, LockSet& s, const facts::Function& fn, const Context& c, Result* rec) {
    const LockSet before = s;  // scoped_lock / std::lock: no order among the locks taken together
    for (const Path& p : e.locks) {
      auto r = resolve(p, fn, c);
      if (!r) {
        if (rec)
          note(rec->diags, e.loc, "lockscope: cannot tell which lock '" + p.name + "' is; this acquisition is not analyzed");
        continue;
      }
      bool recursive = e.recursive || program_.initialised_recursive(r->id);
      if (auto it = s.find(r->id); it != s.end()) {
        Held& h = it->second;
        bool reenter = recursive || (e.mode == LockMode::Shared && h.mode == LockMode::Shared);
        if (!e.is_try && !reenter && rec)
          rec->doubles.push_back(DoubleLock{r->id, r->name, e.loc, h.site, {}, fn.name, -1});
        // Count every re-acquisition, so the matching release leaves the outer hold in place.
        if (!e.is_try || recursive) ++h.count;
        continue;
      }
      if (!e.is_try && rec)
        for (const auto& [id, h] : before)
          rec->edges.push_back(OrderEdge{id, r->id, h.name, r->name, h.site, e.loc, {}, fn.name, modes(before), -1});
      s[r->id] = Held{r->name, e.loc, e.mode, recursive, 1, false};
    }
  }

  void call(const Event& e, LockSet& s, const facts::Function& fn, const Context& c, Result* rec, unsigned depth) {
    if (e.callees.empty()) {
      if (rec)
        note(rec->diags, e.loc, "lockscope: call through '" + e.callee_name +
                                    "' is not followed: its target is not known statically");
      return;
    }
    std::vector<const facts::Function*> targets = program_.targets(e.callees, e.is_virtual);
    if (targets.empty()) return;  // defined outside the analysed program
    if (depth >= limits_.call_depth) {
      if (rec) note(rec->diags, e.loc, "lockscope: call chain too deep; '" + e.callee_name + "' is not followed");
      return;
    }
    Context callee = callee_context(e, fn, c);
    std::optional<LockSet> joined;
    for (const facts::Function* t : targets) {
      const Result& r = analyze(*t, callee, s, depth + 1);
      if (rec) integrate(r, *t, e, s, fn, *rec);
      LockSet after;
      for (const auto& [id, h] : r.exit) {
        auto outer = s.find(id);
        if (h.inherited && outer != s.end()) {
          Held kept = outer->second;
          kept.count = h.count;
          after[id] = kept;
        } else {
          // Taken inside the callee and still held: for the caller, the call is the acquisition.
          Held taken = h;
          taken.site = e.loc;
          taken.inherited = false;
          after[id] = taken;
        }
      }
      intersect_into(joined, after);
    }
    if (joined) s = *joined;
  }

  void integrate(const Result& r, const facts::Function& callee, const Event& call, const LockSet& s,
                 const facts::Function& fn, Result& rec) {
    Frame frame{callee.name, call.loc};
    auto site_of = [&](const std::string& id, report::Location known) {
      if (known.known()) return known;
      auto it = s.find(id);
      return it == s.end() ? known : it->second.site;
    };
    for (OrderEdge e : r.edges) {
      e.from_site = site_of(e.from, e.from_site);
      if (r.net.count(e.to)) {
        e.to_site = call.loc;
        e.chain.clear();
        e.function = fn.name;
      } else {
        e.chain.insert(e.chain.begin(), frame);
      }
      rec.edges.push_back(std::move(e));
    }
    for (DoubleLock d : r.doubles) {
      d.first_site = site_of(d.lock, d.first_site);
      if (r.net.count(d.lock)) {
        d.site = call.loc;
        d.chain.clear();
        d.function = fn.name;
      } else {
        d.chain.insert(d.chain.begin(), frame);
      }
      rec.doubles.push_back(std::move(d));
    }
    for (Access a : r.accesses) {
      a.chain.insert(a.chain.begin(), frame);
      rec.accesses.push_back(std::move(a));
    }
    for (Spawn sp : r.spawns) {
      sp.in_loop = sp.in_loop || call.in_loop;
      rec.spawns.push_back(std::move(sp));
    }
    for (const auto& d : r.diags) rec.diags.push_back(d);
  }

  void spawn(const Event& e, const facts::Function& fn, const Context& c, Result* rec) {
    if (!rec) return;
    if (e.callees.empty()) {
      note(rec->diags, e.loc, "lockscope: thread started with '" + e.callee_name +
                                  "': its entry function is not known statically, so it is not analyzed");
      return;
    }
    Spawn sp;
    sp.entries = program_.targets(e.callees, e.is_virtual);
    if (sp.entries.empty()) {
      note(rec->diags, e.loc, "lockscope: thread entry '" + e.callee_name + "' has no body in the analyzed program");
      return;
    }
    sp.context = callee_context(e, fn, c);
    sp.site = e.loc;
    sp.in_loop = e.in_loop;
    sp.key = e.loc.file + ":" + std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + "|" + e.callees[0] +
             "|" + key_of(sp.context.self);
    for (const auto& p : sp.context.params) sp.key += "," + key_of(p);
    rec->spawns.push_back(std::move(sp));
  }

  const Program& program_;
  Limits limits_;
  std::map<std::string, Result> memo_;
  std::map<std::string, Result> cut_;
  std::set<std::string> active_;
  std::map<std::string, Resolved> bindings_;
};

}  // namespace

ProgramRun run_threads(const Program& program, const Limits& limits) { return Analyzer(program, limits).run(); }

}  // namespace lockscope::link
