#pragma once
// The one report model shared by the static checker (`lockscope check`) and the runtime shim.
//
// A Finding is what a user reads: a kind, a message, the primary source location, and notes that
// show the rest of the evidence (every edge of a cycle, the other access of a race, where a lock
// was taken). Analyses build Findings; writers (text_writer.h, json_io.h) turn them into text.
// Nothing in here knows how a finding was computed.
#include <optional>
#include <string>
#include <vector>

namespace lockscope::report {

struct Location {
  std::string file;   // as given to the compiler, or as symbolized; empty when unknown
  unsigned line = 0;  // 1-based; 0 when unknown
  unsigned column = 0;

  bool known() const { return !file.empty() && line != 0; }
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

struct Note {
  Location location;  // may be unknown: the note is then printed without a position
  std::string message;
  friend bool operator==(const Note&, const Note&) = default;
};

// A thread as the report names it: the static checker knows its entry function, the runtime also
// knows its id and name.
struct ThreadRef {
  std::string id;     // runtime: "T3"; static: empty
  std::string name;   // pthread name where set; static: empty
  std::string entry;  // function the thread started in ("main" for the main thread)
  friend bool operator==(const ThreadRef&, const ThreadRef&) = default;
};

// One edge of the lock-order graph that a finding relies on: `to` was acquired while `from` was held.
struct LockEdge {
  std::string from;
  std::string to;
  Location location;  // where `to` was acquired
  std::string thread; // ThreadRef::entry or id of the thread that made the edge
  friend bool operator==(const LockEdge&, const LockEdge&) = default;
};

struct Finding {
  std::string kind;  // one of kinds.h
  std::string message;
  Location location;
  std::vector<Note> notes;
  std::vector<std::string> locks;   // every lock involved, by display name
  std::vector<ThreadRef> threads;   // every thread involved
  std::vector<LockEdge> edges;      // lock-order edges behind a cycle or a hang; empty otherwise
  std::string function;             // function holding the primary location (stable identity for baselines)
  // What the finding rests on, one of the kEvidence* values below; empty when not stated.
  std::string evidence;
  friend bool operator==(const Finding&, const Finding&) = default;
};

// The kinds of evidence a finding rests on (Finding::evidence; JSON "evidence", SARIF property
// "lockscope.evidence"). Static: threads the program starts at known sites (closed world), or the
// concurrent API of a class or C module that is meant to be shared (open code, no main needed).
// Runtime: edges made by threads that ran at the same time in this run, or made one after the other
// (one thread, or threads ordered by create/join): the same calls made concurrently deadlock.
inline constexpr const char* kEvidenceThreads = "threads";
inline constexpr const char* kEvidenceConcurrentApi = "concurrent-api";
inline constexpr const char* kEvidenceConcurrentRun = "concurrent-in-run";
inline constexpr const char* kEvidenceSequentialRun = "sequential-in-run";

// A problem with the input rather than with the analyzed code (a file that does not parse, a
// construct an analysis gave up on). Errors make `lockscope check` exit 2; notes are informational.
struct Diagnostic {
  enum class Severity { Note, Error };
  Severity severity = Severity::Error;
  Location location;
  std::string message;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// What a runtime run saw: tells an empty report from a shim that did not run. JSON "counters",
// absent when unset (static reports).
struct RunCounters {
  unsigned locks = 0;    // locks known when the report was written
  unsigned threads = 0;  // threads that took part (the main thread included)
  unsigned edges = 0;    // distinct lock-order edges (lock B taken while A held)
  friend bool operator==(const RunCounters&, const RunCounters&) = default;
};

struct Report {
  std::string tool = "lockscope";
  std::string version;
  std::string source;  // "static" or "runtime"
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
  std::optional<RunCounters> counters;
};

// Orders findings by primary location, then kind and message, so output is deterministic no
// matter in which order translation units or threads produced them. Exact duplicates are removed.
void canonicalize(std::vector<Finding>& findings);

// Exit statuses shared by every lockscope command.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

}  // namespace lockscope::report
