#include "link/report_open.h"

#include <algorithm>

#include "report/kinds.h"

namespace lockscope::link {
namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

void add_lock(report::Finding& f, const std::string& name) {
  if (std::find(f.locks.begin(), f.locks.end(), name) == f.locks.end()) f.locks.push_back(name);
}

void add_entry(report::Finding& f, const EntryPoint& e) {
  report::ThreadRef ref{"", "", e.fn->name};
  if (std::find(f.threads.begin(), f.threads.end(), ref) == f.threads.end()) f.threads.push_back(ref);
}

}  // namespace

std::string OpenCodeReporter::held_text(const facts::LockSet& held) const {
  std::string out;
  for (const facts::HeldLock& h : held) {
    if (!h.lock.known()) continue;
    out += (out.empty() ? "holding " : ", ") + quoted(in_.display(h.lock)) +
           (h.mode == facts::LockMode::Shared ? " (shared)" : "");
  }
  return out.empty() ? "holding no lock" : out;
}

void OpenCodeReporter::chain_notes(const EntryPoint& entry, const std::vector<CallStep>& chain,
                                   std::vector<report::Note>& notes) const {
  std::string caller = entry.fn->name;
  for (const CallStep& step : chain) {
    notes.push_back({step.site, quoted(caller) + " calls " + quoted(step.callee->name) + " here"});
    caller = step.callee->name;
  }
}

// Why the two entry points may run at the same time: the API they belong to is concurrent.
report::Note OpenCodeReporter::api_note(const EntryPoint& a, const EntryPoint& b) const {
  std::string which = a.fn == b.fn ? quoted(a.fn->name) + " with itself"
                                   : quoted(a.fn->name) + " and " + quoted(b.fn->name);
  std::string lock = quoted(in_.display(a.lock));
  if (a.api == EntryPoint::Api::Class)
    return {a.taken_in->loc, "class " + quoted(a.owner) + " takes its lock " + lock + " in public method " +
                                 quoted(a.taken_in->name) + ", so its public methods may run at the same time on one object (" +
                                 which + ")"};
  return {a.taken_in->loc, "module " + quoted(a.owner) + " takes lock " + lock + " in external function " +
                               quoted(a.taken_in->name) + ", so its external functions may run at the same time (" + which +
                               ")"};
}

void OpenCodeReporter::race(const RaceEvidence& ev) {
  const SummaryAccess& w = *ev.write.access;
  const SummaryAccess& o = *ev.other.access;
  std::string target = in_.display(w.target);
  report::Finding f;
  f.kind = std::string(report::kDataRace);
  f.evidence = report::kEvidenceConcurrentApi;
  const facts::HeldLock* guard = nullptr;
  for (const facts::HeldLock& h : o.held)
    if (h.lock.known() && h.mode == facts::LockMode::Exclusive && !w.held.contains(h.lock)) guard = guard ? guard : &h;
  bool reader_only = !w.held.empty() && std::all_of(w.held.begin(), w.held.end(), [](const facts::HeldLock& h) {
    return h.mode == facts::LockMode::Shared;
  });
  if (!w.write) {
    f.message = "data race: " + quoted(target) + " is read without " +
                (guard ? quoted(in_.display(guard->lock)) : std::string("a lock")) + ", which guards its write in " +
                quoted(ev.other.entry->fn->name);
  } else if (guard) {
    f.message = "data race: " + quoted(target) + " is written without " + quoted(in_.display(guard->lock)) +
                ", which guards its access in " + quoted(ev.other.entry->fn->name);
  } else if (reader_only) {
    f.message = "data race: " + quoted(target) + " is written under a reader lock (" + held_text(w.held).substr(8) +
                "), which does not exclude the other holders";
  } else {
    f.message = "data race: " + quoted(target) + " is written with no lock held in common with a concurrent " +
                (o.write ? "write" : "read");
  }
  f.location = w.site;
  f.function = w.in->name;
  f.notes.push_back({w.site, std::string(w.write ? "written" : "read") + " here, " + held_text(w.held) + ", in " + quoted(ev.write.entry->fn->name)});
  chain_notes(*ev.write.entry, w.chain, f.notes);
  f.notes.push_back({o.site, std::string("conflicting ") + (o.write ? "write" : "read") + " of " +
                                 quoted(in_.display(o.target)) + " here, " + held_text(o.held) + ", in " +
                                 quoted(ev.other.entry->fn->name)});
  chain_notes(*ev.other.entry, o.chain, f.notes);
  f.notes.push_back(api_note(*ev.write.entry, *ev.other.entry));
  for (const auto* held : {&w.held, &o.held})
    for (const facts::HeldLock& h : *held)
      if (h.lock.known()) add_lock(f, in_.display(h.lock));
  add_entry(f, *ev.write.entry);
  add_entry(f, *ev.other.entry);
  out_.findings.push_back(std::move(f));
}

void OpenCodeReporter::cycle(const CycleEvidence& ev) {
  size_t closing = 0;
  for (size_t i = 1; i < ev.edges.size(); ++i)
    if (ev.edges[closing].acquire->site < ev.edges[i].acquire->site) closing = i;
  const OrderEdgeEvidence& c = ev.edges[closing];
  std::string to = in_.display(c.acquire->lock.lock), from = in_.display(c.from);
  report::Finding f;
  f.kind = std::string(report::kLockOrderInversion);
  f.evidence = report::kEvidenceConcurrentApi;
  if (ev.edges.size() == 2) {
    f.message = "lock order inversion: " + quoted(to) + " acquired while holding " + quoted(from) + "; elsewhere " +
                quoted(from) + " is acquired while holding " + quoted(to);
  } else {
    std::string ring;
    for (size_t i = 0; i < ev.edges.size(); ++i)
      ring += quoted(in_.display(ev.edges[(closing + 1 + i) % ev.edges.size()].from)) + " -> ";
    f.message = "lock order inversion: " + quoted(to) + " acquired while holding " + quoted(from) + " closes the cycle " +
                ring + quoted(to);
  }
  f.location = c.acquire->site;
  f.function = c.acquire->in->name;
  for (size_t k = 1; k <= ev.edges.size(); ++k) {
    const OrderEdgeEvidence& e = ev.edges[(closing + k) % ev.edges.size()];
    std::string e_to = in_.display(e.acquire->lock.lock), e_from = in_.display(e.from);
    add_lock(f, e_to);
    f.notes.push_back({e.acquire->site, quoted(e_to) + " acquired here while holding " + quoted(e_from) + ", in " +
                                            quoted(e.entry->fn->name)});
    chain_notes(*e.entry, e.acquire->chain, f.notes);
    add_entry(f, *e.entry);
    f.edges.push_back(report::LockEdge{e_from, e_to, e.acquire->site, e.entry->fn->name});
  }
  f.notes.push_back(api_note(*c.entry, *ev.edges[(closing + 1) % ev.edges.size()].entry));
  out_.findings.push_back(std::move(f));
}

void OpenCodeReporter::note(const report::Location& at, const std::string& message) {
  out_.diagnostics.push_back({report::Diagnostic::Severity::Note, at, message});
}

}  // namespace lockscope::link
