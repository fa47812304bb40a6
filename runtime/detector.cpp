#include "detector.h"

#include <algorithm>
#include <type_traits>

#include "report/kinds.h"

namespace lockscope::rt {

namespace {

uint64_t cycle_hash(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  uint64_t h = 1469598103934665603ull;
  for (uint32_t id : ids) h = (h ^ id) * 1099511628211ull;
  return h;
}

}  // namespace

// A lock's graph node lives in its registry slot, in the cache line of its record (node_slots.h).
Detector::Detector() : registry_(&Detector::retire, this), graph_(registry_.slot_chunks()) {}

// A lock is gone (destroyed, re-initialised, or a new one built at its address): its edges, their
// evidence references, its refused edges and the suppressed cycles through it go with it. The
// registry has already made the id stale, so no edge can be added for it after this.
void Detector::retire(void* self, uint32_t id) {
  auto* d = static_cast<Detector*>(self);
  d->names_.erase(id);
  SpinGuard g(d->graph_lock_);
  uint32_t slot = slot_of(id);
  if (d->graph_.label(slot) != id) return;  // never had an edge
  std::vector<uint32_t> dropped;
  d->graph_.remove_node(slot, &dropped);
  d->graph_.set_label(slot, 0);
  for (uint32_t ev : dropped) d->evidence_.release(ev);
  auto involves = [id](uint64_t key) { return static_cast<uint32_t>(key >> 32) == id || static_cast<uint32_t>(key) == id; };
  for (auto it = d->refused_.begin(); it != d->refused_.end();) {
    if (involves(it->first)) d->evidence_.release(it->second), it = d->refused_.erase(it);
    else ++it;
  }
  std::erase_if(d->pending_, [&](const std::vector<uint64_t>& keys) { return std::any_of(keys.begin(), keys.end(), involves); });
}

ThreadState* Detector::create_thread() {
  for (ThreadState* t = threads(); t; t = t->next) {
    bool dead = false;
    if (t->alive.compare_exchange_strong(dead, true)) {
      t->clear_held();
      t->waiting.store(nullptr);
      t->name[0] = 0;
      t->entry_pc = 0;
      t->epoch = 0;
      std::fill(std::begin(t->edge_cache), std::end(t->edge_cache), ThreadState::CachedEdge{});
      t->index = next_thread_index_.fetch_add(1);
      return t;
    }
  }
  auto* t = new ThreadState;
  t->index = next_thread_index_.fetch_add(1);
  ThreadState* head = threads_.load();
  do t->next = head;
  while (!threads_.compare_exchange_weak(head, t));
  return t;
}

ThreadClocks::Start Detector::on_thread_create(ThreadState& parent) {
  ThreadClocks::Start c = clocks_.on_create(parent.index);
  parent.epoch = clocks_.epoch(parent.index);
  return c;
}

void Detector::on_thread_start(ThreadState& child, ThreadClocks::Start start) {
  clocks_.on_start(child.index, std::move(start));
  child.epoch = clocks_.epoch(child.index);
}

void Detector::on_thread_join(ThreadState& joiner, uint32_t joined_index) {
  clocks_.on_join(joiner.index, joined_index);
  joiner.epoch = clocks_.epoch(joiner.index);
}

void Detector::exit_thread(ThreadState& t) {
  clocks_.on_exit(t.index);
  // Locks still held by an exiting thread stay locked in the program; the thread's own view ends.
  t.waiting.store(nullptr);
  t.clear_held();
  t.alive.store(false, std::memory_order_release);
}

ThreadState* Detector::thread_by_index(uint32_t index) const {
  for (ThreadState* t = threads(); t; t = t->next)
    if (t->index == index) return t;
  return nullptr;
}

LockState* Detector::new_lock_state(ThreadState& t, uintptr_t addr, Family family, uint8_t flags,
                                    const Stack& stack) {
  return registry_.resolve(addr, family, flags, intern(t, stack), t.index);
}

Verdict Detector::before_lock(ThreadState& t, LockState& lock, Mode mode, bool blocking, const Stack& stack) {
  HeldEntry* held = t.held_array();
  uint32_t n = t.held_count();
  for (uint32_t i = n; i-- > 0;) {
    if (held[i].addr != lock.addr) continue;
    bool rw = lock.flags & kReadWrite;
    if ((lock.flags & kRecursive) || (rw && mode == Mode::Read && held[i].mode == Mode::Read))
      return Verdict::Reentry;
    if (!blocking) return Verdict::Proceed;  // the try fails with EBUSY; nothing to report
    RawFinding f;
    f.kind = report::kDoubleLock;
    f.locks.push_back(snap(lock.id));
    f.thread = t.index;
    f.stack = depot_.put(stack);
    f.other_stack = depot_.put(held[i].stack);
    add_finding(std::move(f));
    // glibc returns EDEADLK for errorcheck mutexes and for an rwlock re-taken after a write lock;
    // everything else waits for itself forever.
    bool returns_error = (lock.flags & kErrorCheck) || (rw && held[i].mode == Mode::Write);
    return returns_error ? Verdict::Reported : Verdict::WouldHang;
  }
  if (!blocking || n == 0) return Verdict::Proceed;
  // The window of edge sources, recorded outermost first: an edge from an outer lock exists before
  // the edges from locks nested inside it, so a cycle closed by a nested edge can be drawn through
  // the outer lock instead (shortcut()).
  uint32_t lo = n;
  for (uint32_t seen = 0; lo > 0 && seen < kEdgeSources;)
    if (!held[--lo].reentry) ++seen;
  for (uint32_t i = lo; i < n; ++i) {
    const HeldEntry& from = held[i];
    if (from.reentry) continue;
    uint64_t key = edge_key(from.lock_id, lock.id);
    uint8_t bit = mode_bit(from.mode, mode);
    if (t.edge_cached(key, bit)) continue;
    record_edge(t, from, lock, mode, stack);
  }
  return Verdict::Proceed;
}

void Detector::after_lock(ThreadState& t, LockState& lock, Mode mode, bool reentry, const Stack& stack) {
  HeldEntry& e = t.next_slot();
  e.addr = lock.addr;
  e.lock_id = lock.id;
  e.mode = mode;
  e.reentry = reentry;
  copy_stack(e.stack, stack);
  t.commit_slot();
}

void Detector::unlock_not_held(ThreadState& t, uintptr_t addr, const Stack& stack) {
  RawFinding f;
  f.kind = report::kUnlockNotHeld;
  LockSnap s;
  s.addr = addr;
  if (LockState* st = registry_.find(addr, Family::Other)) s = snap(st->id);
  f.locks.push_back(s);
  f.thread = t.index;
  f.stack = depot_.put(stack);
  add_finding(std::move(f));
}

// Called with graph_lock_ held: whether graph node `slot` stands for lock `id`. A slot whose
// previous lock was retired (label 0) is taken over by a live id; a stale id (its lock retired
// while a thread still held it) is refused, so no edge outlives its lock.
bool Detector::node_is(uint32_t slot, uint32_t id) {
  uint32_t label = graph_.label(slot);
  if (label == id) return true;
  if (label != 0 || !registry_.by_id(id)) return false;
  graph_.set_label(slot, id);
  return true;
}

// Called with graph_lock_ held. The evidence of an edge in the graph or refused; nullptr when unknown.
const Evidence* Detector::find_evidence(uint64_t key) {
  uint32_t from = static_cast<uint32_t>(key >> 32), to = static_cast<uint32_t>(key);
  if (graph_.label(slot_of(from)) == from && graph_.label(slot_of(to)) == to)
    if (uint32_t* ev = graph_.find_edge(slot_of(from), slot_of(to)).value) return &evidence_.get(*ev);
  auto it = refused_.find(key);
  return it == refused_.end() ? nullptr : &evidence_.get(it->second);
}

// Stacks repeat (a loop making new edges from one call site): a per-thread memo of the last few
// interned stacks spares the depot's lock.
uint32_t Detector::intern(ThreadState& t, const Stack& s) {
  if (s.n == 0) return 0;
  ThreadState::Interned* set = &t.interned[ThreadState::interned_set(s.pc[0])];
  for (int way = 0; way < 2; ++way) {
    const ThreadState::Interned& m = set[way];
    if (!m.id || m.stack.n != s.n) continue;
    uint32_t i = 0;
    while (i < s.n && m.stack.pc[i] == s.pc[i]) ++i;  // a few frames: inline, no memcmp call
    if (i == s.n) return m.id;
  }
  // A miss: the older way goes.
  set[1] = set[0];
  auto& slot = set[0];
  copy_stack(slot.stack, s);
  slot.id = depot_.put(s);
  return slot.id;
}

void Detector::record_edge(ThreadState& t, const HeldEntry& from, LockState& to, Mode mode, const Stack& stack) {
  uint64_t key = edge_key(from.lock_id, to.id);
  uint8_t bit = mode_bit(from.mode, mode);
  uint32_t a = slot_of(from.lock_id), b = slot_of(to.id);
  graph_.prefetch_nodes(a, b);
  // Interning first (a per-thread memo, usually no lock) keeps the graph-lock section short, and
  // gives the node prefetches time to land.
  uint32_t acquire_stack = intern(t, stack), held_stack = intern(t, from.stack);
  graph_.prefetch_lists(a, b);
  Evidence e;
  {
    SpinGuard g(graph_lock_);
    if (!node_is(a, from.lock_id) || !node_is(b, to.id)) return;  // a lock retired meanwhile
    LockGraph::Found found = graph_.find_edge(a, b);  // the one probe: the edge, or where it goes
    uint32_t* ev = found.value;
    if (!ev && !refused_.empty()) {
      auto it = refused_.find(key);
      if (it != refused_.end()) ev = &it->second;
    }
    if (ev) {
      e = evidence_.get(*ev);
      bool changed = false;
      if (!(e.modes & bit)) e.modes |= bit, changed = true;
      uint8_t kept = 0;
      for (uint8_t i = 0; i < e.ngates; ++i)
        if (t.holds_exclusively(e.gates[i])) e.gates[kept++] = e.gates[i];
      if (kept != e.ngates) e.ngates = kept, changed = true;
      // The latest observation by another thread, or by this one in a later epoch, is kept: it is
      // the one most likely to overlap in time with the other edges of a cycle.
      if (e.thread != t.index || e.epoch != t.epoch) changed = true;
      if (changed) {
        // This observation (without a gate, or in a new mode) is what can make a suppressed
        // cycle real, so it becomes the edge's evidence in reports.
        e.acquire_stack = acquire_stack;
        e.held_stack = held_stack;
        e.thread = t.index;
        e.epoch = t.epoch;
        uint32_t old = *ev;
        *ev = evidence_.acquire(e, t.evidence_hint);
        evidence_.release(old);
        if (have_pending_.load(std::memory_order_relaxed)) recheck_pending(key);
      }
    } else {
      e.acquire_stack = acquire_stack;
      e.held_stack = held_stack;
      e.modes = bit;
      e.thread = t.index;
      e.epoch = t.epoch;
      // Gate candidates: the outermost other locks held right now, exclusively (holds_exclusively).
      HeldEntry* held = t.held_array();
      for (uint32_t i = 0, n = t.held_count(); i < n && e.ngates < 4; ++i) {
        uint32_t id = held[i].lock_id;
        if (id == from.lock_id || id == to.id || held[i].reentry || held[i].mode == Mode::Read) continue;
        if (std::find(e.gates, e.gates + e.ngates, id) == e.gates + e.ngates) e.gates[e.ngates++] = id;
      }
      uint32_t id = evidence_.acquire(e, t.evidence_hint);
      // Rank new nodes by address (plus a counter, for distinctness across address reuse): the
      // order most programs that sort their locks use, so their edges insert in O(1).
      graph_.place_isolated(a, uint64_t{from.addr} << 16 | (rank_counter_++ & 0xFFFF));
      graph_.place_isolated(b, uint64_t{to.addr} << 16 | (rank_counter_++ & 0xFFFF));
      if (!graph_.insert_new_edge(a, b, id, found.hint)) {
        refused_.emplace(key, id);
        for (std::vector<uint64_t>& keys : cycles_closed_by(a, b, key)) on_new_cycle(std::move(keys));
      }
    }
  }
  t.cache_edge(key, bit, e.gates, e.ngates);
}

// Called with graph_lock_ held, for the refused edge a->b (`key`): cycles it closes, as edge keys in
// order with a->b last. The shortest one, and the shortest through each other lock b leads to (a
// few): one edge can close two deadlocks (memcached: the crawler's lru_crawler_lock ->
// maintenance_lock closes a two-lock and a three-lock cycle when it comes last), and the shortest
// path alone would name only one. Detours among them shorten to cycles already found (shortcut()).
std::vector<std::vector<uint64_t>> Detector::cycles_closed_by(uint32_t a, uint32_t b, uint64_t key) {
  constexpr size_t kFirstHops = 8;
  std::vector<std::vector<uint32_t>> paths{graph_.find_path(b, a)};
  for (uint32_t hop : graph_.successors(b, kFirstHops)) {
    if (paths[0].size() > 1 && hop == paths[0][1]) continue;
    std::vector<uint32_t> rest = graph_.find_path(hop, a);
    if (rest.empty()) continue;
    rest.insert(rest.begin(), b);
    paths.push_back(std::move(rest));
  }
  std::vector<std::vector<uint64_t>> cycles;
  for (const auto& path : paths) {
    if (path.size() < 2) continue;
    std::vector<uint64_t> keys;
    for (size_t i = 0; i + 1 < path.size(); ++i)
      keys.push_back(edge_key(graph_.label(path[i]), graph_.label(path[i + 1])));
    keys.push_back(key);
    cycles.push_back(std::move(keys));
  }
  return cycles;
}

// Called with graph_lock_ held. `keys` are the cycle's edges in order, the closing edge last.
// A cycle with a detour (shortcut()) waits as pending in case the detour's gate is ever dropped;
// the shorter cycle it points at is examined instead.
void Detector::on_new_cycle(std::vector<uint64_t> keys) {
  std::vector<uint64_t> shortened = shortcut(keys);
  std::vector<Evidence> infos;
  CycleTiming timing;
  bool suppressed = cycle_suppressed(shortened, infos, timing);
  if (shortened != keys) pending_.push_back(std::move(keys));
  if (suppressed) pending_.push_back(std::move(shortened));
  else report_cycle(shortened, infos, timing);
  if (!pending_.empty()) have_pending_.store(true, std::memory_order_release);
}

// Called with graph_lock_ held. A cycle in which an edge v->w was always made while another lock x
// of the cycle was held (x among the edge's gates) cannot deadlock in that shape: the thread
// waiting on v->w holds x, so no other thread can hold x and wait on the edge out of x. That
// thread made x->w as well, and the deadlock the cycle points at is the shorter x->w->...->x
// (memcached: pause_threads takes every pause lock under maintenance_lock). Returns the cycle with
// each such detour replaced by its shortcut; a detour whose shortcut edge is unknown (outside the
// edge window, or retired) stays, which errs toward reporting.
std::vector<uint64_t> Detector::shortcut(std::vector<uint64_t> keys) {
  auto from_of = [](uint64_t key) { return static_cast<uint32_t>(key >> 32); };
  for (size_t i = 0; i < keys.size();) {
    const Evidence* e = find_evidence(keys[i]);
    if (!e) return keys;  // a retired lock's edge: cycle_suppressed drops the cycle
    uint32_t w = static_cast<uint32_t>(keys[i]);
    size_t j = keys.size();
    uint64_t direct = 0;
    for (uint8_t g = 0; g < e->ngates && j == keys.size(); ++g) {
      auto x = std::find_if(keys.begin(), keys.end(), [&](uint64_t k) { return from_of(k) == e->gates[g]; });
      if (x != keys.end() && find_evidence(edge_key(e->gates[g], w)))
        j = static_cast<size_t>(x - keys.begin()), direct = edge_key(e->gates[g], w);
    }
    if (j == keys.size()) {
      ++i;
      continue;
    }
    // Keep x->w, then the edges from w back to x; drop x ... v->w.
    std::vector<uint64_t> shorter{direct};
    for (size_t k = (i + 1) % keys.size(); k != j; k = (k + 1) % keys.size()) shorter.push_back(keys[k]);
    keys = std::move(shorter);
    i = 0;
  }
  return keys;
}

bool Detector::cycle_suppressed(const std::vector<uint64_t>& keys, std::vector<Evidence>& infos,
                                CycleTiming& timing) {
  infos.assign(keys.size(), Evidence{});
  for (size_t i = 0; i < keys.size(); ++i) {
    const Evidence* e = find_evidence(keys[i]);
    if (!e) return true;  // an edge of a retired lock: that cycle can no longer happen
    infos[i] = *e;
  }
  // Gate: a lock present in the gate set of every edge.
  std::vector<uint32_t> common(infos[0].gates, infos[0].gates + infos[0].ngates);
  for (size_t i = 1; i < infos.size() && !common.empty(); ++i)
    std::erase_if(common, [&](uint32_t g) {
      return std::find(infos[i].gates, infos[i].gates + infos[i].ngates, g) == infos[i].gates + infos[i].ngates;
    });
  if (!common.empty()) return true;
  // Read-read: at lock k, the edge into it (i-1) acquired it only in read mode and the edge out of
  // it (i) only ever held it in read mode.
  constexpr uint8_t kAcquiredWrite = 0b0101, kHeldWrite = 0b0011;
  for (size_t i = 0; i < infos.size(); ++i) {
    const Evidence& in = infos[(i + infos.size() - 1) % infos.size()];
    const Evidence& out = infos[i];
    if (!(in.modes & kAcquiredWrite) && !(out.modes & kHeldWrite)) return true;
  }
  timing = timing_of(infos);
  return concurrent_cycles_only_ && !timing.concurrent;
}

// Time: whether the edges could be held at once by different threads in this run. Not when one
// thread made them all, nor when two of them come from threads ordered by creation and join.
CycleTiming Detector::timing_of(const std::vector<Evidence>& infos) const {
  CycleTiming timing;
  bool two_threads = false;
  for (size_t i = 0; i < infos.size(); ++i)
    for (size_t j = i + 1; j < infos.size(); ++j) {
      const Evidence &a = infos[i], &b = infos[j];
      if (a.thread == b.thread) continue;
      two_threads = true;
      for (auto [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}})
        if (clocks_.happens_before(x->thread, x->epoch, y->thread, y->epoch))
          return {false, x->thread, y->thread, clocks_.how_ordered(x->thread, x->epoch, y->thread, y->epoch)};
    }
  if (!two_threads) timing = {false, infos[0].thread, infos[0].thread};
  return timing;
}

void Detector::report_cycle(const std::vector<uint64_t>& keys, const std::vector<Evidence>& infos,
                            const CycleTiming& timing) {
  std::vector<uint32_t> ids;
  for (uint64_t k : keys) ids.push_back(static_cast<uint32_t>(k >> 32));
  if (!reported_cycles_.insert(cycle_hash(ids)).second) return;
  RawFinding f;
  f.kind = report::kLockOrderInversion;
  f.timing = timing;
  for (uint32_t id : ids) f.locks.push_back(snap(id));
  for (size_t i = 0; i < keys.size(); ++i) {
    RawEdge e;
    e.from = static_cast<uint32_t>(keys[i] >> 32);
    e.to = static_cast<uint32_t>(keys[i]);
    e.acquire_stack = infos[i].acquire_stack;
    e.held_stack = infos[i].held_stack;
    e.thread = infos[i].thread;
    f.edges.push_back(e);
  }
  add_finding(std::move(f));
}

void Detector::recheck_pending(uint64_t changed_key) {
  for (size_t i = 0; i < pending_.size();) {
    const auto& keys = pending_[i];
    std::vector<Evidence> infos;
    CycleTiming timing;
    // A cycle that still has a detour stays pending: its shortcut is examined on its own.
    if (std::find(keys.begin(), keys.end(), changed_key) != keys.end() && shortcut(keys) == keys &&
        !cycle_suppressed(keys, infos, timing)) {
      report_cycle(keys, infos, timing);
      pending_.erase(pending_.begin() + static_cast<ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
}

Detector::Stats Detector::stats() {
  SpinGuard g(graph_lock_);
  return {graph_.edge_count(), evidence_.live(), refused_.size(), pending_.size(), graph_.arena().reserved_bytes()};
}

LockSnap Detector::snap(uint32_t id) {
  LockSnap s;
  s.id = id;
  if (LockState* st = registry_.by_id(id)) {
    s.addr = st->addr;
    s.first_stack = st->first_stack;
    s.first_thread = st->first_thread;
  }
  return s;
}

void Detector::add_finding(RawFinding f) {
  SpinGuard g(findings_lock_);
  findings_.push_back(std::move(f));
  finding_count_.store(findings_.size(), std::memory_order_release);
}

std::vector<RawFinding> Detector::findings_since(size_t first) const {
  SpinGuard g(findings_lock_);
  if (first >= findings_.size()) return {};
  return {findings_.begin() + static_cast<ptrdiff_t>(first), findings_.end()};
}

void Detector::lock_all_for_fork() {
  clocks_.lock();
  registry_.lock_all();
  graph_lock_.lock();
  depot_.lock().lock();
  findings_lock_.lock();
}

void Detector::unlock_all_after_fork() {
  findings_lock_.unlock();
  depot_.lock().unlock();
  graph_lock_.unlock();
  registry_.unlock_all();
  clocks_.unlock();
}

void Detector::after_fork_child(ThreadState* survivor) {
  for (ThreadState* t = threads(); t; t = t->next)
    if (t != survivor) t->waiting.store(nullptr), t->clear_held(), t->alive.store(false);
  SpinGuard g(findings_lock_);
  findings_.clear();
  finding_count_.store(0);
}

}  // namespace lockscope::rt
