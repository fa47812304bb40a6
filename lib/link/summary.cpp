#include "link/summary.h"

#include "facts/events.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>


namespace lockscope::link {
namespace {

using facts::Event;
using facts::HeldLock;
using facts::LockSet;
using facts::ObjectId;

// The dataflow state at one point: locks held on every path (intersection at joins) and on some
// path (union at joins).
struct State {
  LockSet must, may;
  friend bool operator==(const State&, const State&) = default;
};

bool join(std::optional<State>& dst, const State& src) {
  if (!dst) {
    dst = src;
    return true;
  }
  State before = *dst;
  dst->must.intersect(src.must);
  dst->may.unite(src.may);
  return !(before == *dst);
}

// The objects a call hands its callee, resolved in the caller.
struct CallArgs {
  ObjectId self;
  std::vector<ObjectId> params;
};

// Summarizes one function from the summaries of its callees (those of its own component may be
// partial, or missing in the first round).
class Summarizer {
 public:
  Summarizer(const Program& program, facts::Interner& interner, const std::map<const facts::Function*, Summary>& done,
             const SummaryLimits& limits, const facts::Function& fn)
      : program_(program), in_(interner), done_(done), limits_(limits), fn_(fn) {}

  Summary run() {
    collect_bindings();
    const std::vector<unsigned>& order = program_.block_order(fn_);
    std::vector<std::optional<State>> entry(fn_.blocks.size());
    if (fn_.entry >= fn_.blocks.size()) return std::move(out_);
    entry[fn_.entry] = State{};
    for (unsigned round = 0; round < 32; ++round) {
      bool changed = false;
      for (unsigned b : order) changed = flow(b, entry, false) || changed;
      if (!changed) break;
    }
    for (unsigned b : order) flow(b, entry, true);
    if (fn_.exit < fn_.blocks.size() && entry[fn_.exit]) {
      State at_exit = *entry[fn_.exit];
      for (const Event& e : fn_.blocks[fn_.exit].events) transfer(e, at_exit, false);
      out_.net_acquired = at_exit.must;
    }
    return std::move(out_);
  }

  bool missed_callee() const { return missed_; }

 private:
  // Applies block `b` from its entry state; returns whether a successor's entry state grew.
  bool flow(unsigned b, std::vector<std::optional<State>>& entry, bool record) {
    if (!entry[b]) return false;
    State st = *entry[b];
    const facts::Block& block = fn_.blocks[b];
    for (const Event& e : block.events) transfer(e, st, record);
    bool changed = false;
    for (const facts::Edge& s : block.succs) {
      if (s.to >= entry.size()) continue;
      State taken = st;
      for (const Event& e : s.events) transfer(e, taken, record);
      changed = join(entry[s.to], taken) || changed;
    }
    return changed;
  }

  // ---- objects ------------------------------------------------------------------------------

  // An object seen through the references and pointers bound so far ("auto& a = accounts_[i]",
  // a guard's `mu_(mu)`): the longest bound prefix is replaced by what it designates.
  ObjectId rebind(ObjectId id) const {
    for (int hop = 0; hop < 4 && id.known(); ++hop) {
      const SummaryBind* best = nullptr;
      for (const auto& b : binds_)
        if (b.target.kind == id.kind && b.target.root == id.root && in_.chains().is_prefix(b.target.fields, id.fields) &&
            !(b.target == id && b.value == id) &&
            (!best || in_.chains().length(b.target.fields) > in_.chains().length(best->target.fields)))
          best = &b;
      if (!best) break;
      id = in_.with_fields(best->value, in_.chains().suffix(best->target.fields, id.fields));
    }
    return id;
  }

  ObjectId resolve(const facts::Path& p) const { return rebind(in_.intern(p, fn_.class_name)); }

  // A callee's object in the caller's terms; Unknown when the callee's own locals or an
  // argument the caller cannot name.
  ObjectId substitute(const ObjectId& id, const CallArgs& args) const {
    switch (id.kind) {
      case ObjectId::Kind::Global: return id;
      case ObjectId::Kind::Param:
        if (id.root < args.params.size() && args.params[id.root].known())
          return rebind(in_.with_fields(args.params[id.root], id.fields));
        return {};
      case ObjectId::Kind::This: return args.self.known() ? rebind(in_.with_fields(args.self, id.fields)) : ObjectId{};
      default: return {};
    }
  }

  LockSet substitute(const LockSet& s, const CallArgs& args, LockSet into) const {
    for (const HeldLock& h : s) {
      ObjectId id = h.lock.known() ? substitute(h.lock, args) : ObjectId{};
      into.insert({id, h.mode});  // an Unknown id stays as the mark of a lock nothing names
    }
    return into;
  }

  CallArgs args_of(const Event& e) const {
    CallArgs a;
    if (e.receiver.known()) a.self = resolve(e.receiver);
    for (const facts::Path& p : e.args) a.params.push_back(resolve(p));
    return a;
  }

  // Binds made here or, through constructors and setters, in callees: flow-insensitive, run twice
  // so a bind through another bind is seen.
  void collect_bindings() {
    for (int pass = 0; pass < 2; ++pass)
      facts::for_each_event(fn_, [&](const Event& e) {
        if (e.kind == Event::Kind::Bind) {
          add_bind({in_.intern(e.target, fn_.class_name), resolve(e.value)});
        } else if (e.kind == Event::Kind::Call && !e.callees.empty()) {
          CallArgs args = args_of(e);
          for (const facts::Function* t : program_.targets(e.callees, false, &fn_))
            if (auto it = done_.find(t); it != done_.end())
              for (const SummaryBind& b : it->second.binds) add_bind({substitute(b.target, args), substitute(b.value, args)});
        }
      });
    for (const auto& b : binds_)
      if (b.target.kind == ObjectId::Kind::This || b.target.kind == ObjectId::Kind::Param) out_.binds.push_back(b);
  }

  void add_bind(SummaryBind b) {
    if (!b.target.known() || !b.value.known() || b.target == b.value) return;
    if (std::find(binds_.begin(), binds_.end(), b) == binds_.end()) binds_.push_back(b);
  }

  // ---- events -------------------------------------------------------------------------------

  void transfer(const Event& e, State& st, bool record) {
    switch (e.kind) {
      case Event::Kind::Acquire: return acquire(e, st, record);
      case Event::Kind::Release:
        for (const facts::Path& p : e.locks) release(resolve(p), st, record);
        return;
      case Event::Kind::Access: {
        ObjectId target = resolve(e.target);
        if (record && (target.kind == ObjectId::Kind::Global || target.kind == ObjectId::Kind::This ||
                       target.kind == ObjectId::Kind::Param))
          add_access({target, e.write, e.loc, st.must, st.may, {}, &fn_});
        return;
      }
      case Event::Kind::Call: return call(e, st, record);
      case Event::Kind::Spawn: out_.starts_threads = true; return;
      default: return;
    }
  }

  void acquire(const Event& e, State& st, bool record) {
    const LockSet before = st.must;  // locks taken together (scoped_lock) are not ordered among themselves
    for (const facts::Path& p : e.locks) {
      ObjectId id = resolve(p);
      if (!id.known()) {
        st.may.insert({ObjectId{}, e.mode});
        continue;
      }
      if (record && !st.must.contains(id)) add_acquire({{id, e.mode}, e.loc, before, e.is_try, {}, &fn_});
      st.must.insert({id, e.mode});
      st.may.insert({id, e.mode});
    }
  }

  void release(const ObjectId& id, State& st, bool record) {
    if (!id.known()) return;
    bool held = st.may.contains(id);
    st.must.erase(id);
    st.may.erase(id);
    if (!held && record && std::find(out_.net_released.begin(), out_.net_released.end(), id) == out_.net_released.end())
      out_.net_released.push_back(id);
  }

  // A virtual call composes the body it names, not every override in the program: the dynamic
  // type is unknown to open code, and composing every override of Iterator::Next or Env's methods
  // into every caller makes objects of paths no execution takes.
  void call(const Event& e, State& st, bool record) {
    if (e.callees.empty()) return;  // through a holder or a pointer: not followed here
    CallArgs args = args_of(e);
    std::optional<LockSet> acquired;  // held after every target returns
    std::vector<ObjectId> released;
    for (const facts::Function* t : program_.targets(e.callees, false, &fn_)) {
      auto it = done_.find(t);
      if (it == done_.end()) {
        missed_ = true;
        continue;
      }
      const Summary& s = it->second;
      LockSet left = substitute(s.net_acquired, args, {});
      if (record) compose(s, *t, e, args, st, left);
      if (!acquired) acquired = left;
      else acquired->intersect(left);
      for (const ObjectId& r : s.net_released) released.push_back(substitute(r, args));
      out_.starts_threads = out_.starts_threads || s.starts_threads;
    }
    for (const ObjectId& r : released) release(r, st, record);
    if (acquired)
      for (const HeldLock& h : *acquired)
        if (h.lock.known()) st.must.insert(h), st.may.insert(h);
  }

  // The callee's evidence in this function's terms, under what this function holds at the call.
  void compose(const Summary& s, const facts::Function& callee, const Event& e, const CallArgs& args, const State& st,
               const LockSet& left_held) {
    auto chain_of = [&](const std::vector<CallStep>& inner) {
      std::vector<CallStep> chain{CallStep{&callee, e.loc}};
      for (const CallStep& c : inner)
        if (chain.size() < limits_.chain) chain.push_back(c);
      return chain;
    };
    for (const SummaryAcquire& a : s.acquires) {
      ObjectId lock = substitute(a.lock.lock, args);
      if (!lock.known() || st.must.contains(lock)) continue;
      SummaryAcquire out{{lock, a.lock.mode}, a.site, substitute(a.held, args, st.must), a.is_try, chain_of(a.chain), a.in};
      // A wrapper that leaves the lock held: for this caller, the call is the acquisition.
      if (left_held.contains(lock)) out.site = e.loc, out.chain.clear(), out.in = &fn_;
      add_acquire(std::move(out));
    }
    for (const SummaryAccess& a : s.accesses) {
      ObjectId target = substitute(a.target, args);
      if (!target.known()) continue;
      add_access({target, a.write, a.site, substitute(a.held, args, st.must), substitute(a.maybe, args, st.may),
                  chain_of(a.chain), a.in});
    }
  }

  bool room() {
    if (out_.accesses.size() + out_.acquires.size() < limits_.evidence) return true;
    out_.capped = true;
    return false;
  }

  void add_access(SummaryAccess a) {
    if (seen_accesses_.emplace(a.target, a.write, a.site, a.held, a.maybe).second && room())
      out_.accesses.push_back(std::move(a));
  }

  void add_acquire(SummaryAcquire a) {
    if (seen_acquires_.emplace(a.lock, a.site, a.held, a.is_try).second && room()) out_.acquires.push_back(std::move(a));
  }

  const Program& program_;
  facts::Interner& in_;
  const std::map<const facts::Function*, Summary>& done_;
  const SummaryLimits& limits_;
  const facts::Function& fn_;
  std::vector<SummaryBind> binds_;
  Summary out_;
  bool missed_ = false;
  std::set<std::tuple<ObjectId, bool, report::Location, LockSet, LockSet>> seen_accesses_;
  std::set<std::tuple<HeldLock, report::Location, LockSet, bool>> seen_acquires_;
};

bool same_shape(const Summary& a, const Summary& b) {
  return a.accesses.size() == b.accesses.size() && a.acquires.size() == b.acquires.size() &&
         a.net_acquired == b.net_acquired && a.net_released == b.net_released && a.binds == b.binds;
}

}  // namespace

Summaries::Summaries(const Program& program, const CallGraph& graph, facts::Interner& interner,
                     const SummaryLimits& limits) {
  for (const auto& component : graph.bottom_up()) {
    bool stable = false;
    for (unsigned round = 0; round < limits.scc_rounds && !stable; ++round) {
      stable = true;
      for (const facts::Function* f : component) {
        Summarizer s(program, interner, summaries_, limits, *f);
        Summary next = s.run();
        auto it = summaries_.find(f);
        // A component whose callees were all summarized before it needs one round.
        if (s.missed_callee() || (it != summaries_.end() && !same_shape(it->second, next))) stable = false;
        summaries_[f] = std::move(next);
      }
      if (component.size() == 1 && round == 0 && stable) break;
    }
    if (!stable)
      diagnostics_.push_back({report::Diagnostic::Severity::Note, component.front()->loc,
                              "lockscope: the summaries of the recursive functions around '" + component.front()->name +
                                  "' did not settle in " + std::to_string(limits.scc_rounds) +
                                  " rounds; what deeper recursion adds is not analyzed"});
  }
  for (const auto& [f, s] : summaries_)
    if (s.capped)
      diagnostics_.push_back({report::Diagnostic::Severity::Note, f->loc,
                              "lockscope: the summary of '" + f->name + "' reached " + std::to_string(limits.evidence) +
                                  " items; later accesses and acquisitions in it are not analyzed"});
}

Summaries::~Summaries() = default;

const Summary& Summaries::of(const facts::Function& f) const {
  static const Summary kEmpty;
  auto it = summaries_.find(&f);
  return it == summaries_.end() ? kEmpty : it->second;
}

}  // namespace lockscope::link
