#pragma once
// Per-function summaries, computed once, bottom-up over the call graph's strongly connected
// components (Boost.Graph strong_components), and composed at call sites, as Infer's RacerD does.
//
// A summary says, relative to the function's own parameters, `this` and the globals, what a call
// to it does: the memory it reads and writes with the locks it holds there (taken inside it or
// in its callees: the caller adds its own held set), the locks it acquires with what it holds at
// each acquisition (order edges), and its net lock effect (a wrapper such as Mutex::Lock or an
// RAII constructor leaves a lock held; an unlock helper releases its caller's). At a call site
// the callee's parameters and `this` are substituted by the caller's argument paths.
//
// A virtual call composes the body it names only (open code does not know the dynamic type).
// Cost grows with the code, not with the contexts it is called in. Recursion is a fixpoint within
// the component, bounded (a note says when the bound was hit); summaries are capped in size.
#include <map>
#include <memory>
#include <vector>

#include "facts/facts.h"
#include "facts/ids.h"
#include "link/call_graph.h"
#include "link/program.h"
#include "report/finding.h"

namespace lockscope::link {

// A call on the way from the summarized function to an event, outermost first.
struct CallStep {
  const facts::Function* callee = nullptr;
  report::Location site;
  friend bool operator==(const CallStep&, const CallStep&) = default;
};

struct SummaryAccess {
  facts::ObjectId target;
  bool write = false;
  report::Location site;
  facts::LockSet held;   // held on every path to it, taken since the function was entered
  facts::LockSet maybe;  // held on some path only; an Unknown id: a lock nothing could name
  std::vector<CallStep> chain;
  const facts::Function* in = nullptr;  // the function the access is written in
};

struct SummaryAcquire {
  facts::HeldLock lock;
  report::Location site;  // a wrapper's acquisition is placed at the call of the wrapper
  facts::LockSet held;    // held (on every path) when it was taken: the order edges' sources
  bool is_try = false;
  std::vector<CallStep> chain;
  const facts::Function* in = nullptr;
};

// A reference or pointer the function (a constructor) points at another object: `mu_(mu)`.
struct SummaryBind {
  facts::ObjectId target, value;
  friend auto operator<=>(const SummaryBind&, const SummaryBind&) = default;
};

struct Summary {
  std::vector<SummaryAccess> accesses;
  std::vector<SummaryAcquire> acquires;
  facts::LockSet net_acquired;               // still held at the exit (on every path)
  std::vector<facts::ObjectId> net_released;  // released without being taken here: the caller's
  std::vector<SummaryBind> binds;             // on `this` or parameters, for the caller
  bool starts_threads = false;
  bool capped = false;  // evidence dropped at the size cap (a note says so)
};

struct SummaryLimits {
  unsigned scc_rounds = 4;        // fixpoint rounds within one recursive component
  size_t evidence = 20000;        // accesses plus acquisitions kept per summary
  unsigned chain = 8;             // call steps kept per item (the innermost are dropped)
};

class Summaries {
 public:
  Summaries(const Program& program, const CallGraph& graph, facts::Interner& interner, const SummaryLimits& limits = {});
  ~Summaries();
  const Summary& of(const facts::Function& f) const;
  const std::vector<report::Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::map<const facts::Function*, Summary> summaries_;
  std::vector<report::Diagnostic> diagnostics_;
};

}  // namespace lockscope::link
