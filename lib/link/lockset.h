#pragma once
// The held-lockset analysis: runs every thread of the program from its entry over the event CFGs,
// flow-sensitively (per-block entry sets, intersecting joins, as clang's ThreadSafety does) and
// interprocedurally (callees are analysed in the caller's context: their parameters and `this`
// substituted by the call's arguments, memoised by (function, context, entry lockset)).
//
// Wrappers are never named: a function that returns holding a lock it took (Mutex::Lock, an RAII
// constructor, a C helper) simply leaves that lock in the caller's set, and the acquisition is
// attributed to the call site, so reports point at user code rather than into the wrapper.
//
// The result is raw evidence for the analyses in link/: lock-order edges, re-locks of held
// locks, memory accesses with their locksets, and the threads that made them.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "link/program.h"
#include "report/finding.h"

namespace lockscope::link {

// A call made on the way from a thread entry to an event: `function` entered at `call_site`.
struct Frame {
  std::string function;
  report::Location call_site;
  friend bool operator==(const Frame&, const Frame&) = default;
};

// Threads started by one thread and not yet joined at some point of it, by thread key; the
// value is the handle that joins it (empty when nothing can).
using Running = std::map<std::string, std::string>;

struct ThreadInstance {
  std::string key;          // spawn site, entry and arguments; "main" for the main thread
  std::string entry;        // display name of the entry function ("main" for the main thread)
  report::Location spawned;  // where it was started; unknown for main
  bool multiple = false;    // may run as several instances at once (restarted before joined, ...)
  int parent = -1;
  Running siblings;         // threads of the parent still running when this one was started
  std::vector<std::string> given;  // ids of what it was started with (receiver, arguments): shared
};

// Where in its thread an event happened, for the may-happen-in-parallel question.
struct ThreadPoint {
  int thread = -1;
  Running running;  // threads this thread started that may still run at this point
  std::set<std::string> joined;  // handles joined before this point (how callers' threads end)
};



// `to` acquired (blocking) while `from` was held.
struct OrderEdge {
  std::string from, to;            // lock ids
  std::string from_name, to_name;  // display names
  report::Location from_site, to_site;
  std::vector<Frame> chain;        // from the thread entry to `function`
  std::string function;            // holds to_site
  std::map<std::string, facts::LockMode> held;  // every lock held at the acquisition (the gates)
  ThreadPoint point;
  facts::LockMode to_mode = facts::LockMode::Exclusive;  // a shared waiter passes shared holders
};

// A non-recursive lock acquired again while its owner holds it: the thread blocks on itself.
struct DoubleLock {
  std::string lock, lock_name;
  report::Location site, first_site;
  std::vector<Frame> chain;
  std::string function;
  ThreadPoint point;
};

// A read or write of shared memory with the locks held at that point (for the race analysis).
struct Access {
  std::string target, target_name;  // resolved path id and display
  bool write = false;
  report::Location site;
  std::map<std::string, facts::LockMode> held;
  std::vector<Frame> chain;
  std::string function;
  ThreadPoint point;
  std::map<std::string, std::string> lock_names;  // display name of each held lock
  std::set<std::string> maybe_held;  // held on some path only, or unnamed ("?:..."): may guard it
};

struct ProgramRun {
  std::vector<ThreadInstance> threads;  // [0] is main when the program has one
  std::vector<OrderEdge> edges;
  std::vector<DoubleLock> double_locks;
  std::vector<Access> accesses;
  std::vector<report::Diagnostic> diagnostics;  // constructs the analysis gave up on
};

struct Limits {
  unsigned call_depth = 24;       // deeper chains are cut (with a note)
  unsigned contexts = 20000;      // memoised (function, context) analyses before giving up
  size_t evidence = 50000;        // edges and accesses kept in memoised results (leveldb: 0.5 GB)
  unsigned threads = 512;         // distinct thread instances
};

ProgramRun run_threads(const Program& program, const Limits& limits = {});

// Can the two points run at the same time? Threads are ordered by start and join: a thread
// started after another was joined, or an event of the starter before a start or after a
// join, cannot overlap with it. One thread instance overlaps only with another instance of
// itself (ThreadInstance::multiple).
bool may_run_in_parallel(const ProgramRun& run, const ThreadPoint& a, const ThreadPoint& b);

}  // namespace lockscope::link
