#include "link/lock_order.h"

#include <algorithm>
#include <map>
#include <set>

#include "link/cycles.h"
#include "report/kinds.h"

namespace lockscope::link {
namespace {

using Graph = LockGraph;
using Vertex = LockVertex;

std::string loc_text(const report::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string thread_text(const ProgramRun& run, int t) {
  const ThreadInstance& th = run.threads[t];
  if (!th.spawned.known()) return "the main thread";
  return "thread '" + th.entry + "' started at " + loc_text(th.spawned) + (th.multiple ? " (more than once)" : "");
}

// The notes that show how a thread reached an acquisition: the call chain, innermost last.
void chain_notes(const ProgramRun& run, int thread, const std::vector<Frame>& chain, std::vector<report::Note>& notes) {
  const ThreadInstance& th = run.threads[thread];
  std::string caller = th.entry;
  for (const Frame& f : chain) {
    notes.push_back({f.call_site, "'" + caller + "' calls '" + f.function + "' here"});
    caller = f.function;
  }
  notes.push_back({th.spawned, th.spawned.known() ? "thread entry '" + th.entry + "' started here" +
                                                         (th.multiple ? " (more than once)" : "")
                                                   : "in the main thread"});
}

// Could the chosen edges all be waiting at once? Each needs its own thread, all running at the
// same time (by start and join order), and no lock may be held across all of them, exclusively
// by at least one (a gate that serialises them).
bool feasible(const ProgramRun& run, const std::vector<const OrderEdge*>& chosen) {
  // Each edge waits for its `to`, which the next edge's thread holds as its `from`: a shared
  // wait on a shared hold does not block (readers pass readers), so such a cycle cannot close.
  for (size_t i = 0; i < chosen.size(); ++i) {
    const OrderEdge& wait = *chosen[i];
    const OrderEdge& hold = *chosen[(i + 1) % chosen.size()];
    auto held = hold.held.find(hold.from);
    if (wait.to_mode == facts::LockMode::Shared && held != hold.held.end() && held->second == facts::LockMode::Shared)
      return false;
  }
  for (size_t i = 0; i < chosen.size(); ++i)
    for (size_t j = i + 1; j < chosen.size(); ++j)
      if (!may_run_in_parallel(run, chosen[i]->point, chosen[j]->point)) return false;
  for (const auto& [gate, mode] : chosen.front()->held) {
    bool everywhere = true, exclusive = false;
    for (const OrderEdge* e : chosen) {
      auto it = e->held.find(gate);
      if (it == e->held.end()) {
        everywhere = false;
        break;
      }
      exclusive = exclusive || it->second == facts::LockMode::Exclusive;
    }
    // The gate must be none of the cycle's own locks: those are the `from` of some edge.
    bool own = std::any_of(chosen.begin(), chosen.end(), [&](const OrderEdge* e) { return e->from == gate; });
    if (everywhere && exclusive && !own) return false;
  }
  return true;
}

bool site_less(const report::Location& a, const report::Location& b) { return a < b; }

void report_cycle(const ProgramRun& run, const std::vector<const OrderEdge*>& chosen, report::Report& out) {
  size_t closing = 0;
  for (size_t i = 1; i < chosen.size(); ++i)
    if (site_less(chosen[closing]->to_site, chosen[i]->to_site)) closing = i;
  const OrderEdge& c = *chosen[closing];
  report::Finding f;
  f.kind = std::string(report::kLockOrderInversion);
  if (chosen.size() == 2) {
    f.message = "lock order inversion: '" + c.to_name + "' acquired while holding '" + c.from_name + "'; elsewhere '" +
                c.from_name + "' is acquired while holding '" + c.to_name + "'";
  } else {
    std::string ring;
    for (size_t i = 0; i < chosen.size(); ++i) ring += "'" + chosen[(closing + 1 + i) % chosen.size()]->from_name + "' -> ";
    f.message = "lock order inversion: '" + c.to_name + "' acquired while holding '" + c.from_name +
                "' closes the cycle " + ring + "'" + c.to_name + "'";
  }
  f.location = c.to_site;
  f.function = c.function;
  std::set<std::string> entries;
  // Edges in cycle order, starting after the closing one, so the notes read as a story.
  for (size_t k = 1; k <= chosen.size(); ++k) {
    const OrderEdge& e = *chosen[(closing + k) % chosen.size()];
    f.locks.push_back(e.to_name);
    if (e.from_site.known()) f.notes.push_back({e.from_site, "'" + e.from_name + "' acquired here"});
    f.notes.push_back({e.to_site, "'" + e.to_name + "' acquired here while holding '" + e.from_name + "', in " +
                                      thread_text(run, e.point.thread)});
    chain_notes(run, e.point.thread, e.chain, f.notes);
    const ThreadInstance& th = run.threads[e.point.thread];
    if (entries.insert(th.entry + loc_text(th.spawned)).second) f.threads.push_back(report::ThreadRef{"", "", th.entry});
    f.edges.push_back(report::LockEdge{e.from_name, e.to_name, e.to_site, th.entry});
  }
  out.findings.push_back(std::move(f));
}

void find_cycles(const ProgramRun& run, report::Report& out, const CycleLimits& limits) {
  std::map<std::string, Vertex> vertex;
  std::vector<std::string> lock_of;
  auto v = [&](const std::string& id) {
    auto [it, fresh] = vertex.emplace(id, lock_of.size());
    if (fresh) lock_of.push_back(id);
    return it->second;
  };
  std::map<std::pair<Vertex, Vertex>, std::vector<const OrderEdge*>> instances;
  for (const OrderEdge& e : run.edges)
    if (e.from != e.to) instances[{v(e.from), v(e.to)}].push_back(&e);
  Graph g(lock_of.size());
  for (auto& [pair, list] : instances) {
    boost::add_edge(pair.first, pair.second, g);
    std::stable_sort(list.begin(), list.end(),
                     [](const OrderEdge* a, const OrderEdge* b) { return site_less(a->to_site, b->to_site); });
  }
  std::vector<std::vector<Vertex>> cycles;
  if (!elementary_cycles(g, limits.max_cycles, cycles)) {
    out.diagnostics.push_back({report::Diagnostic::Severity::Note, {},
                               "lockscope: the lock-order graph has more than " + std::to_string(limits.max_cycles) +
                                   " cycles; only the first are checked"});
  }
  for (const auto& cycle : cycles) {
    if (cycle.size() < 2) continue;
    std::vector<const std::vector<const OrderEdge*>*> options;
    for (size_t i = 0; i < cycle.size(); ++i) options.push_back(&instances.at({cycle[i], cycle[(i + 1) % cycle.size()]}));
    // Odometer over the instance choices, first feasible one wins (deterministic order).
    std::vector<size_t> pick(options.size(), 0);
    for (unsigned tried = 0; tried < limits.max_combinations; ++tried) {
      std::vector<const OrderEdge*> chosen;
      for (size_t i = 0; i < options.size(); ++i) chosen.push_back((*options[i])[pick[i]]);
      if (feasible(run, chosen)) {
        report_cycle(run, chosen, out);
        break;
      }
      size_t i = 0;
      while (i < pick.size() && ++pick[i] == options[i]->size()) pick[i++] = 0;
      if (i == pick.size()) break;
    }
  }
}

void find_double_locks(const ProgramRun& run, report::Report& out) {
  std::set<std::pair<report::Location, std::string>> seen;
  for (const DoubleLock& d : run.double_locks) {
    if (!seen.emplace(d.site, d.lock).second) continue;
    report::Finding f;
    f.kind = std::string(report::kDoubleLock);
    f.message = "double lock: '" + d.lock_name + "' is acquired while this thread already holds it";
    f.location = d.site;
    f.function = d.function;
    f.locks = {d.lock_name};
    if (d.first_site.known()) f.notes.push_back({d.first_site, "'" + d.lock_name + "' first acquired here"});
    chain_notes(run, d.point.thread, d.chain, f.notes);
    f.threads.push_back(report::ThreadRef{"", "", run.threads[d.point.thread].entry});
    out.findings.push_back(std::move(f));
  }
}

}  // namespace

void find_lock_order_issues(const ProgramRun& run, report::Report& out, const CycleLimits& limits) {
  find_cycles(run, out, limits);
  find_double_locks(run, out);
}

}  // namespace lockscope::link
