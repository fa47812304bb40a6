#pragma once
// Per-translation-unit facts: everything the whole-program link needs from one compile command,
// and nothing Clang-specific, so extraction can run anywhere (a compiler launcher, a CI shard) and
// the link merges the results. Serialized with nlohmann/json (facts_json.h).
//
// Shape: every function defined in the unit (by USR) as a small event CFG. Extraction is
// syntactic: it names locks and memory by *paths* relative to the function (a global, a
// parameter, `this`, a local, plus a field chain) and leaves every semantic question (which
// lock a parameter is, whether a wrapper locks, which threads run what) to the link.
//
// OWNER: the static-core work (issue 4). `main_file` and `files_read` are the driver's seam.
#include <string>
#include <vector>

#include "report/finding.h"

namespace lockscope::facts {

using report::Location;

// A lock or a memory location, named relative to the function that mentions it. Pointers and
// references are transparent: `p->mu`, `(*p).mu` and `r.mu` all name the field `mu` of whatever
// `p` / `r` designates, which the link resolves by substituting call-site arguments.
struct Path {
  enum class Root { Unknown, Global, Local, Param, This };
  struct Field {
    std::string id;    // stable identity ("Account::mu_", "[2]" for a constant array index)
    std::string name;  // display ("mu_", "[2]")
    friend bool operator==(const Field&, const Field&) = default;
  };

  Root root = Root::Unknown;
  std::string id;    // Global / Local: a stable identity (USR); empty otherwise
  std::string name;  // display: "a", "other", "this"; Unknown: what could not be named and why
  int param = -1;    // Root::Param: 0-based index among the function's declared parameters
  std::vector<Field> fields;

  bool known() const { return root != Root::Unknown; }
  friend bool operator==(const Path&, const Path&) = default;
};

// The callee_name of the Join that extraction puts on the failure edge of a thread creation
// (pthread_create returned non-zero): there the thread does not exist. A join for that path only.
inline constexpr const char* kCreationFailed = "(creation failed)";

// The name of an unknown argument that the call through a holder supplies (a stored lambda's
// declared parameter, a std::bind placeholder), as opposed to one nothing can name (a copy).
inline constexpr const char* kCallArgument = "an argument of the call";

enum class LockMode { Exclusive, Shared };

struct Event {
  enum class Kind {
    Acquire,  // locks: taken (several at once for scoped_lock / std::lock: no order among them)
    Release,  // locks: released if held (guards release at scope end whatever they own)
    Call,     // a call to a function defined somewhere in the program
    Spawn,    // a thread start: callees is the entry, receiver/args what it is started with,
              // target the handle that can join it (std::thread / pthread_t / future variable)
    Join,     // the handle joined: receiver (t.join(), f.get(), ~jthread) or args[0] (pthread_join)
    Access,   // target read or written (globals, statics, fields): for the race analysis
    Bind,     // target (a reference/pointer member or local) now designates value
    Recursive,// locks: initialised as recursive (pthread attr, mtx_recursive)
    Store     // target, a type-erased callable holder (std::function, std::packaged_task, a
              // container of them), may now hold the callable callees/receiver/args describe (as
              // a Spawn describes its entry), or whatever the holder `value` holds
  };
  Kind kind = Kind::Call;
  Location loc;
  bool in_loop = false;  // the event's block lies on a CFG cycle (it may run more than once)

  // Acquire / Release / Recursive
  std::vector<Path> locks;
  LockMode mode = LockMode::Exclusive;
  bool is_try = false;     // Acquire: does not wait, so it orders nothing before it
  bool recursive = false;  // Acquire: the lock type allows re-entry by its owner

  // Call / Spawn / Join / Store. A Call with no callees but a known `target` is a call through
  // that holder: the link follows it to what was stored into it.
  std::vector<std::string> callees;  // USRs; empty when the callee could not be resolved
  std::string callee_name;           // display, also what an unresolved callee looked like
  bool is_virtual = false;           // dispatch to every override of callees[0] in the program
  Path receiver;                     // the implicit object; Unknown when there is none
  std::vector<Path> args;            // one per argument; Unknown where it is not a path

  // Access / Bind / Spawn (the handle) / Store / Call (the holder called through)
  Path target;
  bool write = false;  // Access
  Path value;          // Bind / Store; Spawn: the holder a thread was started with (callees empty)
};

// A CFG edge; `events` happen only when control takes it (the success edge of a try-lock).
struct Edge {
  unsigned to = 0;
  std::vector<Event> events;
};

struct Block {
  std::vector<Event> events;
  std::vector<Edge> succs;
};

struct Function {
  std::string usr;
  std::string name;        // qualified display name; lambdas: "lambda at file:line"
  std::string class_name;  // enclosing class for methods (names `this` when unresolved)
  Location loc;
  // Parameter names, for display. A lambda's operator() lists its captured variables after its
  // declared parameters: calls and thread starts pass the captured objects as those arguments.
  std::vector<std::string> params;
  std::vector<std::string> overrides;  // USRs of the methods this one directly overrides
  bool is_main = false;  // a program's main(): the first thread (several mains: several programs)
  // A global's dynamic initialisation (a std::function set to a lambda at namespace scope): runs
  // on the main thread before main().
  bool is_initializer = false;
  // What the open-code analysis (link/entry_points.h) needs to tell a class's or a module's
  // concurrent API from its helpers. Older facts without them read as public, external functions.
  enum class Access { None, Public, Protected, Private };  // C++ access of a member; None otherwise
  Access access = Access::None;
  bool is_constructor = false;  // not concurrent with anything on its object
  bool is_destructor = false;
  bool is_static = false;       // a static member function: no `this`
  bool external = true;         // visible to other units: not `static`, not in an anonymous namespace
  unsigned entry = 0;
  unsigned exit = 0;
  std::vector<Block> blocks;  // indexed by block id
};

struct TranslationUnitFacts {
  std::string main_file;                // the source file of the compile command, as given
  std::vector<std::string> files_read;  // every file the unit read (for caching, issue 7)
  std::vector<Function> functions;      // every function defined outside system headers
  std::vector<report::Diagnostic> diagnostics;  // constructs extraction could not model
};

}  // namespace lockscope::facts
