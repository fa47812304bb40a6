#include "link/races.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "link/ids.h"
#include "report/kinds.h"

namespace lockscope::link {
namespace {

std::string loc_text(const report::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string thread_of(const ProgramRun& run, const ThreadPoint& p) {
  const ThreadInstance& th = run.threads[p.thread];
  if (!th.spawned.known()) return "the main thread";
  return "thread '" + th.entry + "' started at " + loc_text(th.spawned) + (th.multiple ? " (more than once)" : "");
}

// "'a' and 'b'" / "no lock": what a note says is held at an access.
std::string held_text(const Access& a) {
  if (a.held.empty()) return "holding no lock";
  std::string out = "holding ";
  bool first = true;
  for (const auto& [id, mode] : a.held) {
    auto name = a.lock_names.find(id);
    out += (first ? "'" : ", '") + (name == a.lock_names.end() ? id : name->second) + "'" +
           (mode == facts::LockMode::Shared ? " (shared)" : "");
    first = false;
  }
  return out;
}

// A lock both hold, exclusively on at least one side: it keeps the two accesses apart. A lock
// held on some paths only may do so too, and so may two locks the analysis could not tell
// apart ("?:" an unnamed one, "l:" a local pointer to one): precision first, such pairs are
// not reported.
bool unnamed(const std::string& lock) { return lock.starts_with("?:") || lock.starts_with("l:"); }

bool holds_unnamed(const Access& a) {
  return std::any_of(a.held.begin(), a.held.end(), [](const auto& h) { return unnamed(h.first); }) ||
         std::any_of(a.maybe_held.begin(), a.maybe_held.end(), unnamed);
}

bool lock_in_common(const Access& a, const Access& b) {
  for (const auto& [id, mode] : a.held) {
    auto it = b.held.find(id);
    if (it != b.held.end() && (mode == facts::LockMode::Exclusive || it->second == facts::LockMode::Exclusive))
      return true;
    if (b.maybe_held.count(id)) return true;
  }
  for (const auto& id : a.maybe_held)
    if (b.held.count(id) || b.maybe_held.count(id)) return true;
  return holds_unnamed(a) && holds_unnamed(b);
}

// A lock both accesses hold, in shared mode on both sides: held, yet it lets them run together.
std::optional<std::string> shared_in_common(const Access& a, const Access& b) {
  for (const auto& [id, mode] : a.held) {
    auto it = b.held.find(id);
    if (it == b.held.end() || mode != facts::LockMode::Shared || it->second != facts::LockMode::Shared) continue;
    auto name = a.lock_names.find(id);
    return name == a.lock_names.end() ? id : name->second;
  }
  return std::nullopt;
}

// How the thread reached the access: its calls, innermost last, then where the thread began.
void path_notes(const ProgramRun& run, const Access& a, std::vector<report::Note>& notes) {
  const ThreadInstance& th = run.threads[a.point.thread];
  std::string caller = th.entry;
  for (const Frame& f : a.chain) {
    notes.push_back({f.call_site, "'" + caller + "' calls '" + f.function + "' here"});
    caller = f.function;
  }
  if (th.spawned.known())
    notes.push_back({th.spawned, "thread entry '" + th.entry + "' started here" + (th.multiple ? " (more than once)" : "")});
}

enum class Sharing { Shared, Private, Unknown };

// Globals are shared; a local only once a thread was started with it (or part of it), because a
// local no thread was given stays on its owner's stack; unbound parameters and `this` are unknown.
Sharing sharing(const std::string& target, const std::vector<std::string>& given) {
  if (target.starts_with("g:")) return Sharing::Shared;
  if (target.starts_with("l:"))
    return std::any_of(given.begin(), given.end(), [&](const std::string& g) { return overlaps(g, target); })
               ? Sharing::Shared
               : Sharing::Private;
  return Sharing::Unknown;
}

std::string point_key(const Access& a) {
  std::string k = loc_text(a.site) + (a.write ? "w" : "r") + std::to_string(a.point.thread) + "|";
  for (const auto& [id, mode] : a.held) k += id + (mode == facts::LockMode::Shared ? "/s;" : "/x;");
  k += "|";
  for (const auto& [key, handle] : a.point.running) k += key + "=" + handle + ";";
  k += "|";
  for (const auto& j : a.point.joined) k += j + ";";
  return k;
}

// Per access site, the locks (id -> name) held in every context the site was reached in;
// `skip` leaves one site out.
using SiteLocks = std::map<report::Location, std::map<std::string, std::string>>;
SiteLocks site_locks(const std::vector<const Access*>& group, const report::Location* skip = nullptr) {
  SiteLocks by_site;
  for (const Access* a : group) {
    if (skip && a->site == *skip) continue;
    std::map<std::string, std::string> held;
    for (const auto& [id, mode] : a->held) {
      auto name = a->lock_names.find(id);
      held[id] = name == a->lock_names.end() ? id : name->second;
    }
    auto [it, fresh] = by_site.emplace(a->site, held);
    if (!fresh)
      for (auto h = it->second.begin(); h != it->second.end();) h = held.count(h->first) ? std::next(h) : it->second.erase(h);
  }
  return by_site;
}

// The lock held at more than half of the sites, if any: the guard the code means to use.
struct Guard {
  std::string id, name;
  unsigned guarded = 0;  // sites holding it
};
std::optional<Guard> majority_lock(const SiteLocks& by_site) {
  std::map<std::string, Guard> count;
  for (const auto& [site, held] : by_site)
    for (const auto& [id, name] : held) {
      Guard& g = count[id];
      g.id = id, g.name = name, ++g.guarded;
    }
  std::optional<Guard> best;
  for (const auto& [id, g] : count)
    if (2 * g.guarded > by_site.size() && (!best || g.guarded > best->guarded)) best = g;
  return best;
}

class RaceFinder {
 public:
  RaceFinder(const ProgramRun& run, report::Report& out, const RaceLimits& limits)
      : run_(run), out_(out), limits_(limits) {
    for (const ThreadInstance& t : run.threads) given_.insert(given_.end(), t.given.begin(), t.given.end());
  }

  void find() {
    std::map<std::string, std::vector<const Access*>> groups;
    std::set<std::string> seen;
    for (const Access& a : run_.accesses) {
      if (a.point.thread < 0 || static_cast<size_t>(a.point.thread) >= run_.threads.size()) continue;
      if (seen.insert(a.target + "#" + point_key(a)).second) groups[a.target].push_back(&a);
    }
    for (auto& [target, group] : groups) {
      std::stable_sort(group.begin(), group.end(), [](const Access* a, const Access* b) { return a->site < b->site; });
      Sharing s = sharing(target, given_);
      if (s == Sharing::Private) continue;
      view_ = &threads_for(target);
      if (!check(group, s == Sharing::Shared)) break;
    }
  }

 private:
  // False once the pair budget is spent.
  bool check(const std::vector<const Access*>& group, bool report) {
    std::set<report::Location> reported;
    // Writes under the lock most sites agree on meet an unguarded write only because of it:
    // the finding belongs on the unguarded one, so they count only when nothing else is found.
    std::optional<Guard> guard = majority_lock(site_locks(group));
    for (int pass = 0; pass < 2; ++pass)
      for (const Access* w : group) {
        bool guarded = guard && w->held.count(guard->id);
        if (!w->write || reported.count(w->site) || (pass == 0) == guarded) continue;
        if (pass == 1 && !reported.empty()) return true;
        if (!check_write(group, *w, report, reported)) return false;
        if (!report && !reported.empty()) return true;
      }
    return true;
  }

  bool check_write(const std::vector<const Access*>& group, const Access& wr, bool report,
                   std::set<report::Location>& reported) {
    const Access* w = &wr;
    const Access* other = nullptr;
    for (const Access* a : group) {
      if (++pairs_ > limits_.pairs) {
        out_.diagnostics.push_back({report::Diagnostic::Severity::Note, {},
                                    "lockscope: too many shared accesses; the data-race analysis stopped early"});
        return false;
      }
      if (lock_in_common(*w, *a) || !may_run_in_parallel(*view_, w->point, a->point)) continue;
      if (!other || better(*w, *a, *other)) other = a;
    }
    if (!other) return true;
    reported.insert(w->site);
    if (!report) {
      out_.diagnostics.push_back({report::Diagnostic::Severity::Note, w->site,
                                  "lockscope: cannot tell which object '" + w->target_name +
                                      "' is here; its accesses are not checked for data races"});
      return true;
    }
    emit(group, *w, *other);
    return true;
  }

  // The conflicting access to show: another thread's over the same thread's other instance,
  // another site over the write itself, then source order.
  static bool better(const Access& w, const Access& a, const Access& b) {
    auto rank = [&](const Access& x) { return std::make_tuple(x.point.thread == w.point.thread, x.site == w.site, x.site); };
    return rank(a) < rank(b);
  }

  void emit(const std::vector<const Access*>& group, const Access& w, const Access& other) {
    // One finding per pair of sites and name: the same line reached through many contexts (objects
    // whose paths differ only in the types along them, as in a chain of function-pointer
    // coders) would otherwise print the same warning once per path.
    if (!emitted_.emplace(w.site, other.site, w.target_name).second) return;
    report::Finding f;
    f.kind = std::string(report::kDataRace);
    const char* what = other.write ? "write" : "read";
    std::optional<Guard> guard = majority_lock(site_locks(group, &w.site));
    if (guard && w.held.count(guard->id)) guard.reset();
    if (guard) {
      f.message = "data race: '" + w.target_name + "' is written without '" + guard->name + "', which guards its " +
                  std::to_string(guard->guarded) + " other access" + (guard->guarded == 1 ? "" : "es");
      f.locks.push_back(guard->name);
    } else if (std::optional<std::string> shared = shared_in_common(w, other)) {
      f.message = "data race: '" + w.target_name + "' is written holding '" + *shared + "' in shared mode, as the " +
                  "concurrent " + what + " does: a shared hold does not exclude a write (take it exclusively to write)";
    } else {
      f.message = "data race: '" + w.target_name + "' is written with no lock held in common with a concurrent " + what;
    }
    f.location = w.site;
    f.function = w.function;
    f.notes.push_back({w.site, "written here, " + held_text(w) + ", in " + thread_of(run_, w.point)});
    path_notes(run_, w, f.notes);
    f.notes.push_back({other.site, std::string("conflicting ") + what + " of '" + other.target_name + "' here, " +
                                       held_text(other) + ", in " + thread_of(run_, other.point)});
    path_notes(run_, other, f.notes);
    for (const Access* a : {&w, &other})
      for (const auto& [id, name] : a->lock_names)
        if (std::find(f.locks.begin(), f.locks.end(), name) == f.locks.end()) f.locks.push_back(name);
    f.threads.push_back(report::ThreadRef{"", "", run_.threads[w.point.thread].entry});
    if (other.point.thread != w.point.thread)
      f.threads.push_back(report::ThreadRef{"", "", run_.threads[other.point.thread].entry});
    out_.findings.push_back(std::move(f));
  }

  const ProgramRun& run_;
  report::Report& out_;
  RaceLimits limits_;
  std::set<std::tuple<report::Location, report::Location, std::string>> emitted_;
  // A local lives in one frame of the thread that started the threads given it. When that
  // thread runs as several instances, each has its own local, reached only by the threads that
  // instance started: within one instance, neither it nor what it started runs twice.
  const ProgramRun& threads_for(const std::string& target) {
    if (!target.starts_with("l:")) return run_;
    std::set<int> owners;
    for (const ThreadInstance& t : run_.threads)
      for (const std::string& g : t.given)
        if (overlaps(g, target)) owners.insert(t.parent);
    if (owners.size() != 1 || *owners.begin() < 0 || !run_.threads[*owners.begin()].multiple) return run_;
    int owner = *owners.begin();
    auto [it, fresh] = instance_views_.try_emplace(owner);
    if (fresh) {
      it->second.threads = run_.threads;
      for (size_t i = 0; i < run_.threads.size(); ++i)
        for (int up = static_cast<int>(i); up >= 0; up = run_.threads[up].parent)
          if (up == owner) {
            it->second.threads[i].multiple = false;
            break;
          }
    }
    return it->second;
  }

  std::vector<std::string> given_;
  std::map<int, ProgramRun> instance_views_;  // by owner thread: its subtree as one instance
  const ProgramRun* view_ = nullptr;
  unsigned long pairs_ = 0;
};

}  // namespace

void find_races(const ProgramRun& run, report::Report& out, const RaceLimits& limits) {
  RaceFinder(run, out, limits).find();
}

}  // namespace lockscope::link
