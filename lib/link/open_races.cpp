#include "link/open_races.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lockscope::link {
namespace {

using facts::LockMode;
using facts::ObjectId;

// Locks the open-code analysis can compare between entry points: globals and the object's own.
bool named(const ObjectId& lock) { return lock.kind == ObjectId::Kind::Global || lock.kind == ObjectId::Kind::This; }

bool holds_unnamed(const SummaryAccess& a) {
  auto any = [](const facts::LockSet& s) {
    return std::any_of(s.begin(), s.end(), [](const facts::HeldLock& h) { return !named(h.lock); });
  };
  return any(a.held) || any(a.maybe);
}

bool holds_named(const SummaryAccess& a) {
  return std::any_of(a.held.begin(), a.held.end(), [](const facts::HeldLock& h) { return named(h.lock); });
}

bool holds_exclusive(const SummaryAccess& a) {
  return std::any_of(a.held.begin(), a.held.end(),
                     [](const facts::HeldLock& h) { return named(h.lock) && h.mode == LockMode::Exclusive; });
}


// A lock both hold, exclusively on one side at least, keeps them apart; so may a lock one side
// holds on some path only, or one nobody could name.
bool kept_apart(const SummaryAccess& a, const SummaryAccess& b) {
  if (holds_unnamed(a) || holds_unnamed(b)) return true;
  for (const facts::HeldLock& h : a.held)
    if (const facts::HeldLock* o = b.held.find(h.lock))
      if (h.mode == LockMode::Exclusive || o->mode == LockMode::Exclusive) return true;
  for (const facts::HeldLock& h : a.maybe)
    if (!a.held.contains(h.lock) && (b.held.contains(h.lock) || b.maybe.contains(h.lock))) return true;
  for (const facts::HeldLock& h : b.maybe)
    if (!b.held.contains(h.lock) && a.held.contains(h.lock)) return true;
  return false;
}

// Where the finding belongs: on a write without the lock (or under a reader lock only). A write
// under a lock meets an unguarded access only because of that access: the finding sits on the
// unguarded write, and an unguarded read of open code is not reported (its callers may well hold
// the lock). Two writes under two different locks are both reported.
bool reportable(const SummaryAccess& w, const SummaryAccess& a) {
  return !kept_apart(w, a) && (!holds_exclusive(w) || (a.write && holds_exclusive(a)));
}

// The other side to show: one that holds a lock (the evidence that the field is meant to be
// guarded), then another site over the write itself, then source order.
auto rank(const AccessSide& w, const AccessSide& a) {
  return std::make_tuple(!holds_named(*a.access), a.access->site == w.access->site, a.access->site, a.entry->fn->name);
}

// Does the entry take a lock the analysis can name anywhere (itself or in its callees)?
bool takes_a_lock(const Summary& s) {
  return std::any_of(s.acquires.begin(), s.acquires.end(), [](const SummaryAcquire& a) { return named(a.lock.lock); }) ||
         std::any_of(s.net_acquired.begin(), s.net_acquired.end(), [](const facts::HeldLock& h) { return named(h.lock); });
}

}  // namespace

void find_open_races(const std::vector<EntryPoint>& entries, const Summaries& summaries, OpenCodeHandler& handler) {
  std::map<ObjectId, std::vector<AccessSide>> groups;
  std::set<const EntryPoint*> lockless;  // entries that take no lock at all
  for (const EntryPoint& e : entries) {
    const Summary& s = summaries.of(*e.fn);
    if (!takes_a_lock(s)) lockless.insert(&e);
    for (const SummaryAccess& a : s.accesses) {
      bool on_object = a.target.kind == ObjectId::Kind::This && e.api == EntryPoint::Api::Class && !e.fn->is_static;
      if (on_object || a.target.kind == ObjectId::Kind::Global) groups[a.target].push_back({&e, &a});
    }
  }
  std::set<report::Location> reported;  // one finding per site, whatever object path reached it
  for (auto& [target, group] : groups) {
    if (std::none_of(group.begin(), group.end(), [](const AccessSide& s) { return holds_named(*s.access); })) continue;
    std::stable_sort(group.begin(), group.end(),
                     [](const AccessSide& a, const AccessSide& b) { return a.access->site < b.access->site; });
    for (const AccessSide& w : group) {
      if (reported.count(w.access->site)) continue;
      const AccessSide* other = nullptr;
      if (w.access->write) {
        for (const AccessSide& a : group)
          if (reportable(*w.access, *a.access) && (!other || rank(w, a) < rank(w, *other))) other = &a;
      } else if (lockless.count(w.entry) && !holds_exclusive(*w.access) &&
                 std::none_of(group.begin(), group.end(), [&](const AccessSide& a) {
                   return a.entry == w.entry && a.access->write && !holds_exclusive(*a.access);
                 })) {
        // (An entry that also writes it unguarded gets one finding, on the write.)
        // A read in an entry that takes no lock at all, of what another entry writes under a lock.
        // A read outside the locked region of an entry that does lock is left alone: such windows
        // are deliberate (leveldb's writer at the head of its queue reads log_ unlocked).
        for (const AccessSide& a : group)
          if (a.access->write && holds_exclusive(*a.access) && !kept_apart(*w.access, *a.access) &&
              (!other || rank(w, a) < rank(w, *other)))
            other = &a;
      }
      if (!other) continue;
      reported.insert(w.access->site);
      handler.race(RaceEvidence{w, *other});
    }
  }
}

}  // namespace lockscope::link
