#include "link/lockset.h"

#include "link/escapes.h"
#include "link/holders.h"

#include <algorithm>
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
  std::string last_field;  // the id of the last field on the way (holders fall back to it)
  unsigned hops = 0;       // fields on the way since the root (or since the path was cut short)
  std::string root, root_name;  // the path's root object (kept when the path is cut short)
};

// Object paths longer than this many fields are cut short (k-limiting): the root and the last
// field stay, "root.~.field" then stands for that field of any object reached from the root
// that way. Chains of nested objects reached through function-pointer tables (liblzma's
// coder->next.coder->...) otherwise grow a new context at every level and exhaust the analysis
// budget long before the threads are analysed.
constexpr unsigned kMaxFieldHops = 6;

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

// The dataflow state at one program point.
struct State {
  LockSet locks;            // held on every path (intersection at joins)
  Running running;          // started here and maybe not joined (union at joins)
  std::set<std::string> joined;  // handles joined on every path (intersection at joins)
  std::set<std::string> maybe;   // held on some path, or a lock no path names ("?:"): union at joins
  std::set<std::string> dropped;  // released here without being held here: a caller's maybe-lock
};

// A function entered with the objects it works on: a thread entry, or a callee.
using Entry = std::pair<const facts::Function*, Context>;

struct Spawn {
  // The thread runs one of these (overrides of a virtual run(), the callables a std::function
  // it was started with may hold), each with its own objects.
  std::vector<Entry> entries;
  report::Location site;
  bool again = false;  // started while an earlier start of the same thread may still run
  std::string key;     // identifies the thread it starts: site, entry and what it was given
  ThreadPoint point;   // the starter's running threads at the start
};

std::string loc_key(const report::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string point_key(const ThreadPoint& p) {
  std::string k;
  for (const auto& [key, handle] : p.running) k += key + "=" + handle + ";";
  k += "|";
  for (const auto& j : p.joined) k += j + ";";
  return k;
}

template <typename Map>
std::string keys_of(const Map& m) {
  std::string k;
  for (const auto& [id, v] : m) k += id + ";";
  return k;
}

// One function analysed in one context. Chains are relative to that function, so a memoised
// result serves every caller; sites of locks held on entry are left unknown and filled in by
// the caller that knows them.
struct Result {
  State exit;
  std::set<std::string> net;  // locks the call leaves held (more often than on entry)
  std::vector<OrderEdge> edges;
  std::vector<DoubleLock> doubles;
  std::vector<Access> accesses;
  std::vector<Spawn> spawns;
  std::vector<report::Diagnostic> diags;
  // What calls through holders handed this thread (a stored task's captures), each with the
  // holders the task came through (run_once decides which of them cross threads).
  Handed handed;

  // The same evidence reached along several call paths is kept once (with its first chain):
  // without this, results grow with the number of paths, not with the program.
  void add(OrderEdge e) {
    if (seen.insert("e" + e.from + "|" + e.to + "|" + loc_key(e.from_site) + loc_key(e.to_site) + "|" +
                    keys_of(e.held) + "|" + point_key(e.point))
            .second)
      edges.push_back(std::move(e));
  }
  void add(DoubleLock d) {
    if (seen.insert("d" + d.lock + "|" + loc_key(d.site) + "|" + point_key(d.point)).second) doubles.push_back(std::move(d));
  }
  void add(Access a) {
    if (seen.insert("a" + a.target + "|" + (a.write ? "w" : "r") + loc_key(a.site) + "|" + keys_of(a.held) + "|" +
                    point_key(a.point))
            .second)
      accesses.push_back(std::move(a));
  }
  size_t size() const { return edges.size() + doubles.size() + accesses.size() + spawns.size(); }
  // Done growing: the duplicate filter is only needed while the result is built.
  void seal() { std::set<std::string>().swap(seen); }

 private:
  std::set<std::string> seen;
};

std::map<std::string, LockMode> modes(const LockSet& s) {
  std::map<std::string, LockMode> out;
  for (const auto& [id, h] : s) out[id] = h.mode;
  return out;
}

std::map<std::string, std::string> names(const LockSet& s) {
  std::map<std::string, std::string> out;
  for (const auto& [id, h] : s) out[id] = h.name;
  return out;
}

// Join of two paths: a lock is held after the join only if both paths hold it.
bool intersect_locks(LockSet& dst, const LockSet& src) {
  bool changed = false;
  for (auto it = dst.begin(); it != dst.end();) {
    auto other = src.find(it->first);
    if (other == src.end()) {
      it = dst.erase(it);
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

// A handle naming every element of a container or array ("threads.[*]") is joined by a loop
// over it. The path that skips that loop is the one where the loop that started the threads
// ran no time either, so a join on any path counts (create-all-then-join-all).
bool all_elements(const std::string& handle) { return handle.ends_with(".[*]"); }

bool merge_into(std::optional<State>& dst, const State& src) {
  if (!dst) {
    dst = src;
    return true;
  }
  bool changed = intersect_locks(dst->locks, src.locks);
  for (const auto& id : src.maybe) changed = dst->maybe.insert(id).second || changed;
  for (const auto& id : src.dropped) changed = dst->dropped.insert(id).second || changed;
  for (const auto& [key, handle] : src.running)
    if (!all_elements(handle) || !dst->joined.count(handle)) changed = dst->running.emplace(key, handle).second || changed;
  for (auto it = dst->running.begin(); it != dst->running.end();) {
    if (all_elements(it->second) && src.joined.count(it->second)) {
      it = dst->running.erase(it);
      changed = true;
    } else {
      ++it;
    }
  }
  for (auto it = dst->joined.begin(); it != dst->joined.end();) {
    if (src.joined.count(*it) || all_elements(*it)) {
      ++it;
    } else {
      it = dst->joined.erase(it);
      changed = true;
    }
  }
  for (const auto& h : src.joined)
    if (all_elements(h)) changed = dst->joined.insert(h).second || changed;
  return changed;
}

// Locks held on some path only (or unnamed): what may, but need not, guard an access.
std::set<std::string> maybe_only(const State& s) {
  std::set<std::string> out;
  for (const auto& id : s.maybe)
    if (!s.locks.count(id)) out.insert(id);
  return out;
}

ThreadPoint point_of(const State& s) { return ThreadPoint{-1, s.running, s.joined}; }

// A point inside a callee seen from its caller: the caller's threads still running at the call,
// less those the callee joined before the point, plus the callee's own.
void lift(ThreadPoint& p, const State& caller) {
  for (const auto& [key, handle] : caller.running)
    if (handle.empty() || !p.joined.count(handle)) p.running.emplace(key, handle);
  p.joined.insert(caller.joined.begin(), caller.joined.end());
}

class Analyzer {
 public:
  Analyzer(const Program& program, const Limits& limits) : program_(program), limits_(limits), escapes_(program) {}

  // Stored callables are collected while threads are analysed, so a call through a holder can
  // be analysed before everything stored into it was seen (a worker started before the tasks
  // are submitted). When that happened, run again with what was collected: the holders only grow.
  ProgramRun run() {
    for (int round = 0;; ++round) {
      holders_grew_ = erased_calls_ = false;
      ProgramRun out = run_once();
      if (!(holders_grew_ && erased_calls_) || round == 3) return out;
      memo_.clear();
      cut_.clear();
      thread_keys_.clear();
      stored_ = 0;
    }
  }

 private:
  ProgramRun run_once() {
    ProgramRun out;
    std::vector<std::vector<Entry>> pending;
    std::vector<Handed> handed;  // by thread
    for (const facts::Function* m : program_.mains()) {
      out.threads.push_back(ThreadInstance{"main", "main", {}, false, -1, {}});
      std::vector<Entry> entries;
      for (const facts::Function* init : program_.initializers()) entries.emplace_back(init, Context{});
      entries.emplace_back(m, Context{});
      pending.push_back(std::move(entries));
    }
    if (program_.mains().empty())
      note(out.diagnostics, {},
           "lockscope: the program has no main(): no thread is known to start; classes and modules that take "
           "locks are checked as concurrent APIs");
    std::map<std::string, int> by_key;
    for (size_t i = 0; i < pending.size(); ++i) {
      for (const auto& [entry, context] : pending[i]) {
        const Result& r = analyze(*entry, context, LockSet{}, 0);
        int t = static_cast<int>(i);
        for (OrderEdge e : r.edges) out.edges.push_back((e.point.thread = t, std::move(e)));
        for (DoubleLock d : r.doubles) out.double_locks.push_back((d.point.thread = t, std::move(d)));
        for (Access a : r.accesses) out.accesses.push_back((a.point.thread = t, std::move(a)));
        for (const auto& d : r.diags) out.diagnostics.push_back(d);
        if (handed.size() <= static_cast<size_t>(t)) handed.resize(t + 1);
        handed[t].insert(r.handed.begin(), r.handed.end());
        for (const Spawn& s : r.spawns) {
          auto [it, fresh] = by_key.emplace(s.key, static_cast<int>(out.threads.size()));
          if (!fresh) {
            // Started again: from another thread, or while the earlier start may still run.
            ThreadInstance& again = out.threads[it->second];
            if (again.parent != t || s.again || s.point.running.count(s.key)) again.multiple = true;
            for (const auto& sib : s.point.running) again.siblings.insert(sib);
            continue;
          }
          if (out.threads.size() >= limits_.threads) {
            note(out.diagnostics, s.site, "lockscope: too many distinct threads; this one is not analyzed");
            by_key.erase(it);
            continue;
          }
          out.threads.push_back(ThreadInstance{s.key, s.entries.front().first->name, s.site, s.again, t, s.point.running});
          for (const auto& [entry, context] : s.entries)
            for (const std::string& id : ids_of(context)) out.threads.back().given.push_back(id);
          pending.push_back(s.entries);
        }
      }
    }
    // A thread started by a thread that runs several times runs several times too.
    for (auto& t : out.threads)
      if (t.parent >= 0 && out.threads[t.parent].multiple) t.multiple = true;
    hand_over_captures(out, handed);
    dedupe_diagnostics(out.diagnostics);
    return out;
  }

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

  // An object rooted in a local that is never handed on (escapes.h): no other thread can reach it.
  bool private_local(const Resolved& r) const {
    return r.root.starts_with("l:") && !escapes_.local_escapes(r.root.substr(2));
  }

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
    if (r.root.empty()) r.root = r.id, r.root_name = r.name;
    if (bind_last || !p.fields.empty()) r = bound(r);
    for (size_t i = 0; i < p.fields.size(); ++i) {
      const auto& f = p.fields[i];
      r.last_field = f.id;
      if (++r.hops > kMaxFieldHops && !f.id.starts_with("[")) {
        r = {r.root + ".~." + f.id, r.root_name + "..." + f.name, f.id, 1, r.root, r.root_name};
        if (bind_last || i + 1 < p.fields.size()) r = bound(r);
        continue;
      }
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
  // The objects a context names, as a key: `this` first, then each parameter.
  static std::string key_of(const Context& c) {
    std::string key = key_of(c.self);
    for (const auto& p : c.params) key += "," + key_of(p);
    return key;
  }
  // The ids of the objects a context names (what a thread started or handed that way is given).
  static std::vector<std::string> ids_of(const Context& c) {
    std::vector<std::string> ids;
    if (c.self) ids.push_back(c.self->id);
    for (const auto& p : c.params)
      if (p) ids.push_back(p->id);
    return ids;
  }

  // A lock no path names (an element with a computed index, ...): one family per spelling.
  static std::string unnamed_lock(const Path& p) { return "?:" + p.name; }

  // ---- the dataflow ------------------------------------------------------------------------

  const Result& analyze(const facts::Function& fn, const Context& c, const LockSet& entry, unsigned depth) {
    State in0{entry, {}, {}, {}, {}};
    for (auto& [id, h] : in0.locks) {
      in0.maybe.insert(id);
      h.inherited = true;
      h.site = {};
    }
    std::string key = fn.usr + "|" + key_of(c);
    key += "|";
    for (const auto& [id, h] : in0.locks) key += id + (h.mode == LockMode::Shared ? "/s" : "/x") + std::to_string(h.count) + ";";
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    // Recursion is followed once per call chain: a function already being analysed further up
    // is not entered again (in any context: contexts of recursive calls can grow without end,
    // this->next_->next_...), and the call keeps the caller's locks.
    bool over_budget = memo_.size() >= limits_.contexts || stored_ >= limits_.evidence;
    if (active_.count(fn.usr) || over_budget) {
      Result& cut = cut_[key];
      cut.exit = in0;
      if (cut.diags.empty())
        note(cut.diags, fn.loc,
             over_budget
                 ? "lockscope: analysis budget exhausted; '" + fn.name + "' not analyzed in this context"
                 : "lockscope: recursive call of '" + fn.name + "' is not followed again");
      return cut;
    }
    active_.insert(fn.usr);

    std::vector<std::optional<State>> in(fn.blocks.size());
    in[fn.entry] = in0;
    const std::vector<unsigned>& order = program_.block_order(fn);
    bool stable = false;
    for (int round = 0; round < 100 && !stable; ++round) {
      stable = true;
      for (unsigned b : order) {
        if (!in[b]) continue;
        State s = *in[b];
        for (const Event& e : fn.blocks[b].events) step(e, s, fn, c, nullptr, depth);
        for (const facts::Edge& edge : fn.blocks[b].succs) {
          State t = s;
          for (const Event& e : edge.events) step(e, t, fn, c, nullptr, depth);
          if (merge_into(in[edge.to], t)) stable = false;
        }
      }
    }
    Result res;
    if (!stable) note(res.diags, fn.loc, "lockscope: lock sets in '" + fn.name + "' did not settle; results may be incomplete");
    for (unsigned b : order) {
      if (!in[b]) continue;
      State s = *in[b];
      for (const Event& e : fn.blocks[b].events) step(e, s, fn, c, &res, depth);
      for (const facts::Edge& edge : fn.blocks[b].succs) {
        State t = s;
        for (const Event& e : edge.events) step(e, t, fn, c, &res, depth);
      }
    }
    res.exit = in[fn.exit] ? *in[fn.exit] : in0;
    for (const auto& [id, h] : res.exit.locks) {
      auto before = in0.locks.find(id);
      if (before == in0.locks.end() || h.count > before->second.count) res.net.insert(id);
    }
    active_.erase(fn.usr);
    stored_ += res.size();
    res.seal();
    return memo_[key] = std::move(res);
  }

  void step(const Event& e, State& s, const facts::Function& fn, const Context& c, Result* rec, unsigned depth) {
    switch (e.kind) {
      case Event::Kind::Acquire: return acquire(e, s, fn, c, rec);
      case Event::Kind::Release:
        for (const Path& p : e.locks) {
          auto r = resolve(p, fn, c);
          std::string id = r ? r->id : unnamed_lock(p);
          if (auto it = s.locks.find(id); it != s.locks.end() && --it->second.count <= 0) s.locks.erase(it);
          if (!s.locks.count(id) && !s.maybe.erase(id)) s.dropped.insert(id);
        }
        return;
      case Event::Kind::Call: return call(e, s, fn, c, rec, depth);
      case Event::Kind::Spawn: return spawn(e, s, fn, c, rec);
      case Event::Kind::Join: {
        const Path& handle = e.receiver.known() ? e.receiver : (e.args.empty() ? e.receiver : e.args[0]);
        if (auto h = resolve(handle, fn, c)) {
          // A join of every element counts on any path (merge_into); a failed creation of one
          // element must not end the others.
          if (e.callee_name == facts::kCreationFailed && all_elements(h->id)) return;
          for (auto it = s.running.begin(); it != s.running.end();)
            it = it->second == h->id ? s.running.erase(it) : std::next(it);
          s.joined.insert(h->id);
        }
        return;
      }
      case Event::Kind::Access:
        if (rec)
          if (auto r = resolve(e.target, fn, c); r && !private_local(*r))
            rec->add(
                Access{r->id, r->name, e.write, e.loc, modes(s.locks), {}, fn.name, point_of(s), names(s.locks), maybe_only(s)});
        return;
      case Event::Kind::Bind: {
        auto t = resolve(e.target, fn, c, /*bind_last=*/false);
        auto v = resolve(e.value, fn, c);
        if (t && v && t->id != v->id) bindings_[t->id] = *v;
        return;
      }
      case Event::Kind::Recursive:
        return;
      case Event::Kind::Store:
        return store(e, fn, c);
    }
  }

  // ---- stored callables (std::function, std::packaged_task) --------------------------------

  struct Stored {
    std::vector<std::string> callees;
    bool is_virtual = false;
    Context context;  // resolved where it was stored: a lambda's captures are the storer's objects
    std::vector<std::string> via;  // stored_in: the holders from where it was stored to where it is called
    std::vector<bool> open;        // params the call supplies (facts::kCallArgument); beyond: all open
  };

  // A holder that is a field is also filed under the field alone ("f:<field id>"): calls through
  // a field of an object the analysis cannot name (a callback in a heap struct reached through a
  // list) fall back to what was stored into that field of any object.
  static std::optional<std::string> field_holder(const Resolved& r) {
    if (r.last_field.empty() || r.last_field.starts_with("[")) return std::nullopt;
    return "f:" + r.last_field;
  }

  void store(const Event& e, const facts::Function& fn, const Context& c) {
    auto holder = resolve(e.target, fn, c);
    if (!holder) return;
    std::optional<size_t> callable;  // the stored callable, interned once
    if (!e.callees.empty()) {
      Context ctx = callee_context(e, fn, c);
      auto [it, fresh] = callable_index_.emplace(e.callees[0] + "|" + key_of(ctx), callables_.size());
      if (fresh) {
        std::vector<bool> open;
        for (const Path& a : e.args) open.push_back(!a.known() && a.name == facts::kCallArgument);
        callables_.push_back(Stored{e.callees, e.is_virtual, std::move(ctx), {}, std::move(open)});
      }
      callable = it->second;
    }
    auto from = resolve(e.value, fn, c);
    std::vector<std::string> ids{holder->id};
    if (auto field = field_holder(*holder)) ids.push_back(*field);
    for (const std::string& id : ids) {
      if (callable && holders_.add_callable(id, *callable)) holders_grew_ = true;
      if (from && holders_.add_flow(id, from->id)) holders_grew_ = true;
    }
  }

  // What a call through `path` may reach: what was stored into the holder it names, or, when
  // nothing was, into that field of any object.
  std::vector<Stored> callables_at(const Path& path, const facts::Function& fn, const Context& c) const {
    std::vector<Stored> out;
    if (auto holder = resolve(path, fn, c)) {
      out = stored_in(holder->id);
      if (out.empty())
        if (auto field = field_holder(*holder)) out = stored_in(*field);
    }
    return out;
  }

  // Everything that may have been stored into the holder, directly or through other holders,
  // each with the holders it went through (Stored::via). A function used as a value
  // ("g:fn:<usr>", extraction's function_value) holds itself.
  std::vector<Stored> stored_in(const std::string& holder) const {
    std::vector<Stored> out;
    for (const HolderGraph::Reached& r : holders_.reach(holder)) {
      if (r.holder.starts_with("g:fn:") && program_.function(r.holder.substr(5)))
        out.push_back(Stored{{r.holder.substr(5)}, false, {}, r.via, {}});
      for (size_t i : holders_.callables(r.holder)) {
        out.push_back(callables_[i]);
        out.back().via = r.via;
      }
    }
    return out;
  }

  void acquire(const Event& e, State& state, const facts::Function& fn, const Context& c, Result* rec) {
    LockSet& s = state.locks;
    const LockSet before = s;  // scoped_lock / std::lock: no order among the locks taken together
    for (const Path& p : e.locks) {
      auto r = resolve(p, fn, c);
      if (!r) {
        if (rec)
          note(rec->diags, e.loc, "lockscope: cannot tell which lock '" + p.name + "' is; this acquisition is not analyzed");
        state.maybe.insert(unnamed_lock(p));  // it may still guard what comes next (races)
        continue;
      }
      state.maybe.insert(r->id);
      bool recursive = e.recursive || program_.initialised_recursive(r->id);
      if (auto it = s.find(r->id); it != s.end()) {
        Held& h = it->second;
        bool reenter = recursive || (e.mode == LockMode::Shared && h.mode == LockMode::Shared);
        if (!e.is_try && !reenter && rec)
          rec->add(DoubleLock{r->id, r->name, e.loc, h.site, {}, fn.name, point_of(state)});
        // Count every re-acquisition, so the matching release leaves the outer hold in place.
        if (!e.is_try || recursive) ++h.count;
        continue;
      }
      if (!e.is_try && rec)
        for (const auto& [id, h] : before)
          rec->add(
              OrderEdge{id, r->id, h.name, r->name, h.site, e.loc, {}, fn.name, modes(before), point_of(state), e.mode});
      s[r->id] = Held{r->name, e.loc, e.mode, recursive, 1, false};
    }
  }

  void call(const Event& e, State& s, const facts::Function& fn, const Context& c, Result* rec, unsigned depth) {
    if (e.callees.empty()) {
      if (e.target.known()) return erased_call(e, s, fn, c, rec, depth);
      if (rec)
        note(rec->diags, e.loc, "lockscope: call through '" + e.callee_name +
                                    "' is not followed: its target is not known statically");
      return;
    }
    std::vector<const facts::Function*> targets = program_.targets(e.callees, e.is_virtual, &fn);
    if (targets.empty()) return;  // defined outside the analysed program
    if (depth >= limits_.call_depth) {
      if (rec) note(rec->diags, e.loc, "lockscope: call chain too deep; '" + e.callee_name + "' is not followed");
      return;
    }
    std::vector<Entry> calls;
    Context callee = callee_context(e, fn, c);
    for (const facts::Function* t : targets) calls.emplace_back(t, callee);
    enter(calls, e, s, fn, rec, depth);
  }

  // A stored callable's context with the call's own arguments in the declared parameters the
  // store left open (a plain function stored by name has no context yet: all are open).
  Context with_args(const Stored& st, const std::vector<Path>& args, const facts::Function& fn, const Context& c) const {
    Context out = st.context;
    if (out.params.size() < args.size()) out.params.resize(args.size());
    for (size_t i = 0; i < args.size(); ++i)
      if ((i >= st.open.size() || st.open[i]) && !out.params[i]) out.params[i] = resolve(args[i], fn, c);
    return out;
  }

  // What a call (or a thread start) through the holder `holder` enters: every function stored into
  // it, with the objects it was stored with and the event's own arguments. `handed` collects the
  // objects that reach the caller's thread that way, with the holders they came through.
  std::vector<Entry> entries_through(const Path& holder, const Event& e, const facts::Function& fn, const Context& c,
                                     Handed* handed) {
    erased_calls_ = true;
    std::vector<Entry> out;
    for (const Stored& st : callables_at(holder, fn, c)) {
      Context callee = with_args(st, e.args, fn, c);
      for (const facts::Function* t : program_.targets(st.callees, st.is_virtual, &fn)) out.emplace_back(t, callee);
      if (handed)
        for (const std::string& id : ids_of(st.context)) handed->insert({id, st.via});
    }
    return out;
  }

  // A call through a std::function or std::packaged_task: every callable stored into that
  // holder, each with the objects it was stored with, and the call's own arguments first.
  void erased_call(const Event& e, State& s, const facts::Function& fn, const Context& c, Result* rec, unsigned depth) {
    std::vector<Entry> calls = entries_through(e.target, e, fn, c, rec ? &rec->handed : nullptr);
    if (calls.empty()) {
      if (rec)
        note(rec->diags, e.loc, "lockscope: call through '" + e.callee_name +
                                    "' is not followed: no callable stored into it was found");
      return;
    }
    if (depth >= limits_.call_depth) {
      if (rec) note(rec->diags, e.loc, "lockscope: call chain too deep; '" + e.callee_name + "' is not followed");
      return;
    }
    enter(calls, e, s, fn, rec, depth);
  }

  // Analyses each callee in its context from the caller's state; the caller continues from the
  // join of what the callees leave.
  void enter(const std::vector<Entry>& calls, const Event& e, State& s,
             const facts::Function& fn, Result* rec, unsigned depth) {
    std::optional<State> joined;
    for (const auto& [t, callee] : calls) {
      const Result& r = analyze(*t, callee, s.locks, depth + 1);
      if (rec) integrate(r, *t, e, s, fn, *rec);
      State after;
      // Threads the callee joined end here; threads it started and left running go on.
      after.joined = s.joined;
      after.joined.insert(r.exit.joined.begin(), r.exit.joined.end());
      for (const auto& [key, handle] : s.running)
        if (handle.empty() || !r.exit.joined.count(handle)) after.running.emplace(key, handle);
      after.running.insert(r.exit.running.begin(), r.exit.running.end());
      // The callee saw only the locks held on every path; those held on some path stay as they were.
      after.maybe = r.exit.maybe;
      for (const auto& id : s.maybe)
        if (!s.locks.count(id) && !r.exit.dropped.count(id)) after.maybe.insert(id);
      for (const auto& id : r.exit.dropped)
        if (!s.maybe.count(id)) after.dropped.insert(id);
      for (const auto& [id, h] : r.exit.locks) {
        auto outer = s.locks.find(id);
        if (h.inherited && outer != s.locks.end()) {
          Held kept = outer->second;
          kept.count = h.count;
          after.locks[id] = kept;
        } else {
          // Taken inside the callee and still held: for the caller, the call is the acquisition.
          Held taken = h;
          taken.site = e.loc;
          taken.inherited = false;
          after.locks[id] = taken;
        }
      }
      merge_into(joined, after);
    }
    if (joined) s = *joined;
  }

  void integrate(const Result& r, const facts::Function& callee, const Event& call, const State& state,
                 const facts::Function& fn, Result& rec) {
    const LockSet& s = state.locks;
    Frame frame{callee.name, call.loc};
    auto site_of = [&](const std::string& id, report::Location known) {
      if (known.known()) return known;
      auto it = s.find(id);
      return it == s.end() ? known : it->second.site;
    };
    // An acquisition of a lock the callee leaves held is, for this caller, the call itself.
    auto place = [&](auto& item, const std::string& lock, report::Location& site) {
      lift(item.point, state);
      if (r.net.count(lock)) {
        site = call.loc;
        item.chain.clear();
        item.function = fn.name;
      } else {
        item.chain.insert(item.chain.begin(), frame);
      }
    };
    for (OrderEdge e : r.edges) {
      e.from_site = site_of(e.from, e.from_site);
      place(e, e.to, e.to_site);
      rec.add(std::move(e));
    }
    for (DoubleLock d : r.doubles) {
      d.first_site = site_of(d.lock, d.first_site);
      place(d, d.lock, d.site);
      rec.add(std::move(d));
    }
    for (Access a : r.accesses) {
      lift(a.point, state);
      for (const auto& id : state.maybe)
        if (!state.locks.count(id)) a.maybe_held.insert(id);
      a.chain.insert(a.chain.begin(), frame);
      rec.add(std::move(a));
    }
    for (Spawn sp : r.spawns) {
      lift(sp.point, state);
      if (sp.point.running.count(sp.key)) sp.again = true;
      rec.spawns.push_back(std::move(sp));
    }
    for (const auto& d : r.diags) rec.diags.push_back(d);
    rec.handed.insert(r.handed.begin(), r.handed.end());
  }

  void spawn(const Event& e, State& s, const facts::Function& fn, const Context& c, Result* rec) {
    Spawn sp;
    sp.site = e.loc;
    sp.key = e.loc.file + ":" + std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + "|";
    if (e.callees.empty() && e.value.known()) {
      // Started with a std::function / std::packaged_task: it runs what was stored into it.
      auto holder = resolve(e.value, fn, c);
      sp.entries = entries_through(e.value, e, fn, c, nullptr);  // the thread is given the objects instead
      if (sp.entries.empty()) {
        if (rec)
          note(rec->diags, e.loc, "lockscope: thread started with '" + e.callee_name +
                                      "': no callable stored into it was found, so it is not analyzed");
        return;
      }
      sp.key += "holder:" + (holder ? holder->id : e.value.name);
      for (const auto& [entry, context] : sp.entries)  // started with different objects: different threads
        sp.key += "|" + entry->usr + ":" + key_of(context);
    } else if (e.callees.empty()) {
      if (rec)
        note(rec->diags, e.loc, "lockscope: thread started with '" + e.callee_name +
                                    "': its entry function is not known statically, so it is not analyzed");
      return;
    } else {
      Context context = callee_context(e, fn, c);
      for (const facts::Function* t : program_.targets(e.callees, e.is_virtual, &fn)) sp.entries.emplace_back(t, context);
      if (sp.entries.empty()) {
        if (rec) note(rec->diags, e.loc, "lockscope: thread entry '" + e.callee_name + "' has no body in the analyzed program");
        return;
      }
      sp.key += e.callees[0] + "|" + key_of(context);
    }
    // Thread keys are copied into every running set: a short interned name keeps them cheap.
    sp.key = thread_keys_.emplace(sp.key, "thread#" + std::to_string(thread_keys_.size())).first->second;
    sp.point = point_of(s);
    sp.again = s.running.count(sp.key) != 0;  // e.g. a loop that starts it again without joining
    std::optional<Resolved> handle = resolve(e.target, fn, c);
    // A thread that nothing can join runs to the end of its starter (and beyond).
    s.running[sp.key] = handle ? handle->id : std::string();
    if (handle) s.joined.erase(handle->id);  // the handle names a thread not joined yet
    if (rec) rec->spawns.push_back(std::move(sp));
  }

  const Program& program_;
  Limits limits_;
  Escapes escapes_;  // locals no other thread can reach: their accesses are not kept
  std::map<std::string, Result> memo_;
  std::map<std::string, Result> cut_;
  std::set<std::string> active_;  // functions being analysed, up the current call chain
  std::map<std::string, std::string> thread_keys_;  // full spawn key -> short key
  size_t stored_ = 0;             // evidence items held by memoised results (the memory budget)
  std::map<std::string, Resolved> bindings_;
  // Holders of type-erased callables, by resolved id: what was stored into each, and which other
  // holders' contents flow into it. Flow-insensitive and kept across rounds (see run()).
  HolderGraph holders_;
  std::vector<Stored> callables_;                 // each distinct stored callable with its objects, once
  std::map<std::string, size_t> callable_index_;  // its key -> index in callables_
  bool holders_grew_ = false, erased_calls_ = false;
};

}  // namespace

ProgramRun run_threads(const Program& program, const Limits& limits) { return Analyzer(program, limits).run(); }

namespace {

// The chain of threads from main (or a root) down to `t`.
std::vector<int> ancestry(const ProgramRun& run, int t) {
  std::vector<int> chain;
  for (int i = t; i >= 0 && chain.size() <= run.threads.size(); i = run.threads[i].parent) chain.push_back(i);
  return {chain.rbegin(), chain.rend()};
}

}  // namespace

bool may_run_in_parallel(const ProgramRun& run, const ThreadPoint& a, const ThreadPoint& b) {
  if (a.thread < 0 || b.thread < 0) return true;
  if (a.thread == b.thread) return run.threads[a.thread].multiple;
  std::vector<int> up_a = ancestry(run, a.thread), up_b = ancestry(run, b.thread);
  size_t common = 0;
  while (common < up_a.size() && common < up_b.size() && up_a[common] == up_b[common]) ++common;
  // Several main()s are several programs (a compile database with tools and tests): their
  // threads live in different processes and never wait for each other's locks.
  if (common == 0) return false;
  if (common == up_a.size() || common == up_b.size()) {
    if (run.threads[up_a[common - 1]].multiple) return true;
    // One is an ancestor of the other: does the ancestor's point see that branch running?
    const ThreadPoint& anc = common == up_a.size() ? a : b;
    const std::vector<int>& down = common == up_a.size() ? up_b : up_a;
    // Below the common ancestor the two sides part: compare where each started.
    return anc.running.count(run.threads[down[common]].key) != 0;
  }
  // Two instances of a thread started more than once can each be at either point.
  if (run.threads[up_a[common - 1]].multiple) return true;
  const ThreadInstance& ca = run.threads[up_a[common]];
  const ThreadInstance& cb = run.threads[up_b[common]];
  return ca.siblings.count(cb.key) != 0 || cb.siblings.count(ca.key) != 0;
}

}  // namespace lockscope::link
