#include "report_builder.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "annotation_frames.h"
#include "cycle_timing_text.h"
#include "python/python_frames.h"
#include "report/kinds.h"
#include "symbolizer_names.h"
#include "thread_entries.h"

namespace lockscope::rt {

using report::Finding;
using report::Location;
using report::Note;

bool is_system_frame(const Frame& f) {
  if (f.function.empty() && f.file.empty()) return true;  // nothing to show
  if (f.file.starts_with("/usr/")) return true;
  if (f.function.starts_with("lockscope::rt::")) return true;
  if (f.module.find("liblockscope-rt") != std::string::npos) return true;
  if (f.module == py::kLibraryModule) return true;
  // libc's frames carry its build's relative paths (./nptl/pthread_create.c): judged by module.
  // A frame of the program without file and line (no llvm-symbolizer) still names its function.
  if (is_system_module(f.module) || (f.file.empty() && f.module.empty())) return true;
  // Without file and line (no llvm-symbolizer), libstdc++'s templates instantiated in the
  // program are told by their names.
  return f.file.empty() && is_library_function_name(f.function);
}

bool parse_suppressions(const std::string& text, std::vector<Suppression>& out, std::string& error) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    line = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    size_t colon = line.find(':');
    std::string kind = line.substr(0, colon);
    if (colon == std::string::npos || colon + 1 == line.size() || (kind != "*" && !report::is_known_kind(kind))) {
      error = "suppressions line " + std::to_string(n) + ": expected `kind:pattern` with a known kind, got '" + line + "'";
      return false;
    }
    out.push_back({kind, line.substr(colon + 1)});
  }
  return true;
}

struct ReportBuilder::Resolved {
  std::map<uintptr_t, std::vector<Frame>> frames;
  std::map<uintptr_t, std::string> globals;
};

namespace {

std::string read_comm(const std::string& path) {
  char buf[32] = {};
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return {};
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return {};
  return std::string(buf, static_cast<size_t>(n) - (buf[n - 1] == '\n'));
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// "transfer(Account&, Account&)" -> "transfer": the parameters make a lock's name long.
std::string short_function(const std::string& f) {
  if (f.starts_with("lambda in ")) return f;
  size_t paren = f.find('(');
  return paren == std::string::npos || paren == 0 ? f : f.substr(0, paren);
}

// What a thread runs: the outermost user frame at its start routine (a C function, or the callable
// std::thread's _M_run inlined); else the callable named by _M_run's type, unless the outermost
// user frame of the thread's stacks (`hint`) is that callable; else the hint.
std::string entry_name(const std::vector<Frame>& start, const std::string& hint) {
  for (size_t i = start.size(); i-- > 0;)
    if (!is_system_frame(start[i])) return start[i].function;
  std::string callable = start.empty() ? std::string() : std_thread_callable(start.back().function);
  if (!callable.empty() && !hint.starts_with(callable)) return callable;
  return hint;
}

struct Ctx {
  Detector& d;
  std::map<uintptr_t, std::vector<Frame>>& frames;
  std::map<uintptr_t, std::string>& globals;
  unsigned depth;
  std::vector<std::string> seen_text;  // for suppressions
  bool one_frame_stacks = false;       // the frame-pointer walk stopped at the first frame

  std::vector<Frame> stack_frames(uint32_t stack_id) {
    std::vector<Frame> out;
    Stack s = d.depot().get(stack_id);
    if (s.n == 1 && depth > 1) one_frame_stacks = true;
    for (uint32_t i = 0; i < s.n && out.size() < depth; ++i)
      for (const Frame& f : frames[s.pc[i]]) out.push_back(f);
    drop_annotating_frames(out);
    for (const Frame& f : out) seen_text.push_back(f.function), seen_text.push_back(f.file);
    return out;
  }
  static Location loc(const Frame& f) { return Location{f.file, f.line, f.column}; }
  // The first user frame, else the first frame with a file, else nothing.
  const Frame* user_frame(const std::vector<Frame>& fs) {
    for (const Frame& f : fs)
      if (!is_system_frame(f)) return &f;
    for (const Frame& f : fs)
      if (!f.file.empty()) return &f;
    return nullptr;
  }
  Location user_loc(uint32_t stack_id) {
    auto fs = stack_frames(stack_id);
    const Frame* f = user_frame(fs);
    return f ? loc(*f) : Location{};
  }
  std::string user_function(uint32_t stack_id) {
    auto fs = stack_frames(stack_id);
    const Frame* f = user_frame(fs);
    return f ? f->function : std::string();
  }
  std::map<uintptr_t, std::string> local_names;  // this finding's names of stack and heap locks
  // A global by its symbol; a lock on the stack or the heap by where it was first taken, which
  // the user can find ("lock first taken at bank.cpp:12 in transfer"), numbered when two share it.
  std::string lock_name(const LockSnap& l) {
    std::string name;
    bool global = false;
    auto it = globals.find(l.addr);
    if (py::python_lock_name(l.id, name, global)) {
    } else if (std::string given = d.names().get(l.id); !given.empty()) name = given;  // annotated
    else if (it != globals.end()) name = it->second;
    else if (auto known = local_names.find(l.addr); known != local_names.end()) name = known->second;
    else {
      auto fs = l.first_stack ? stack_frames(l.first_stack) : std::vector<Frame>{};
      const Frame* u = user_frame(fs);
      if (u && !u->file.empty()) name = "lock first taken at " + base_name(u->file) + ":" + std::to_string(u->line);
      else name = "lock";
      if (u && !u->function.empty()) name += (u->file.empty() ? " first taken in " : " in ") + short_function(u->function);
      std::string unique = name;
      for (int n = 2; std::any_of(local_names.begin(), local_names.end(), [&](auto& e) { return e.second == unique; }); ++n)
        unique = name + " #" + std::to_string(n);
      name = local_names[l.addr] = unique;
    }
    seen_text.push_back(name);
    return name;
  }
  bool is_global(const LockSnap& l) {
    std::string name;
    bool global = false;
    if (py::python_lock_name(l.id, name, global)) return global;
    return globals.count(l.addr) != 0;
  }
  report::ThreadRef thread_ref(uint32_t index) {
    report::ThreadRef r;
    r.id = "T" + std::to_string(index);
    if (py::python_thread_name(index, r.name, r.entry)) return r;
    ThreadState* t = d.thread_by_index(index);
    if (!t) {  // exited, its state reused: name it by what it ran
      r.entry = entry_name(frames[thread_entry(index) + 1], entry_hint[index]);
      return r;
    }
    r.name = t->name;
    if (r.name.empty() && t->alive.load()) {
      r.name = read_comm("/proc/self/task/" + std::to_string(t->tid) + "/comm");
      // A thread nobody named carries the program's name: that says nothing.
      if (index != 0 && r.name == read_comm("/proc/self/comm")) r.name.clear();
    }
    if (index == 0) r.entry = "main";
    else r.entry = entry_name(frames[thread_entry(index) + 1], entry_hint[index]);  // stored +1: pc-1 lookups
    return r;
  }
  std::string thread_text(uint32_t index) {
    report::ThreadRef r = thread_ref(index);
    std::string s = r.id;
    if (!r.name.empty()) s += " '" + r.name + "'";
    if (!r.entry.empty()) s += ", entry " + r.entry;
    return s;
  }
  // A heading note at the stack's user frame, then one note per user frame of the stack (the
  // call chain; frames inside system headers and libraries are left out as noise).
  void stack_notes(std::vector<Note>& notes, uint32_t stack_id, const std::string& heading) {
    auto fs = stack_frames(stack_id);
    const Frame* u = user_frame(fs);
    notes.push_back(Note{u ? loc(*u) : Location{}, heading});
    unsigned n = 0;
    for (const Frame& f : fs)
      if (!is_system_frame(f)) notes.push_back(Note{loc(f), "  #" + std::to_string(n++) + " in " + f.function});
  }
  // The outermost user function of a stack: the thread's entry as the user wrote it.
  std::string outermost_user_function(uint32_t stack_id) {
    auto fs = stack_frames(stack_id);
    for (size_t i = fs.size(); i-- > 0;)
      if (!is_system_frame(fs[i])) return fs[i].function;
    return {};
  }
  std::map<uint32_t, std::string> entry_hint;  // thread index -> outermost user function seen
  void first_taken_note(std::vector<Note>& notes, const LockSnap& l) {
    Location created;
    if (py::python_lock_creation(l.id, created.file, created.line)) {  // a Python lock: where it was made
      notes.push_back(Note{created, "'" + lock_name(l) + "' was created here"});
      return;
    }
    if (is_global(l) || !l.first_stack) return;
    notes.push_back(Note{user_loc(l.first_stack), "'" + lock_name(l) + "' was first taken here by " + thread_text(l.first_thread)});
  }
};

void add_unique(std::vector<report::ThreadRef>& v, report::ThreadRef r) {
  if (std::find(v.begin(), v.end(), r) == v.end()) v.push_back(std::move(r));
}

}  // namespace

std::vector<report::Finding> ReportBuilder::build(const std::vector<RawFinding>& raw) {
  // One symbolizer batch for every stack and lock address involved.
  std::vector<uintptr_t> pcs, addrs;
  auto add_stack = [&](uint32_t id) {
    Stack s = d_.depot().get(id);
    pcs.insert(pcs.end(), s.pc, s.pc + s.n);
  };
  auto add_lock = [&](const LockSnap& l) {
    addrs.push_back(l.addr);
    add_stack(l.first_stack);
  };
  std::set<uint32_t> threads;
  for (const RawFinding& f : raw) {
    for (const auto& l : f.locks) add_lock(l);
    for (const auto& e : f.edges) add_stack(e.acquire_stack), add_stack(e.held_stack), threads.insert(e.thread);
    for (const auto& w : f.waits) {
      add_lock(w.waits_for);
      add_stack(w.wait_stack);
      threads.insert(w.thread);
      for (const auto& [l, s] : w.holds) add_lock(l), add_stack(s);
    }
    add_stack(f.stack);
    add_stack(f.other_stack);
    threads.insert(f.thread);
  }
  for (uint32_t i : threads)
    if (uintptr_t entry = thread_entry(i)) pcs.push_back(entry + 1);
  Resolved r{sym_.code(pcs), sym_.data(addrs)};

  std::vector<Finding> out;
  for (const RawFinding& f : raw) {
    Ctx c{d_, r.frames, r.globals, depth_, {}, {}};
    auto hint = [&](uint32_t thread, uint32_t stack) {
      std::string fn = c.outermost_user_function(stack);
      if (!fn.empty()) c.entry_hint[thread] = fn;
    };
    for (const auto& e : f.edges) hint(e.thread, e.held_stack), hint(e.thread, e.acquire_stack);
    for (const auto& w : f.waits) hint(w.thread, w.wait_stack);
    hint(f.thread, f.stack);
    Finding x;
    x.kind = std::string(f.kind);
    for (const auto& l : f.locks) x.locks.push_back(c.lock_name(l));
    if (f.kind == report::kLockOrderInversion) {
      // Names come from the snapshot taken when the cycle was found, not the live registry.
      std::vector<std::string> names;
      for (size_t i = 0; i < f.edges.size(); ++i) names.push_back(x.locks[i]);
      if (names.size() == 2) x.message = "lock order inversion between '" + names[0] + "' and '" + names[1] + "'";
      else {
        x.message = "lock order inversion: cycle of " + std::to_string(names.size()) + " locks ";
        for (const auto& n : names) x.message += "'" + n + "' -> ";
        x.message += "'" + names[0] + "'";
      }
      x.message += " (potential deadlock)";
      uint32_t primary_stack = 0;
      for (size_t i = 0; i < f.edges.size(); ++i) {
        const RawEdge& e = f.edges[i];
        const std::string& from = x.locks[i];
        const std::string& to = x.locks[(i + 1) % x.locks.size()];
        Location at = c.user_loc(e.acquire_stack);
        x.edges.push_back(report::LockEdge{from, to, at, "T" + std::to_string(e.thread)});
        add_unique(x.threads, c.thread_ref(e.thread));
        if (primary_stack == 0 || x.location < at) x.location = at, primary_stack = e.acquire_stack;
        c.stack_notes(x.notes, e.acquire_stack,
                      "'" + to + "' acquired here while holding '" + from + "' (thread " + c.thread_text(e.thread) + ")");
        c.stack_notes(x.notes, e.held_stack, "'" + from + "' was acquired here by " + c.thread_text(e.thread));
      }
      for (const auto& l : f.locks) c.first_taken_note(x.notes, l);
      x.function = c.user_function(primary_stack);
      // Whether this run could have deadlocked, first among the notes (cycle_timing_text.h).
      auto short_name = [&](uint32_t index) {
        report::ThreadRef r = c.thread_ref(index);
        return r.entry.empty() ? r.id : r.id + " (entry " + r.entry + ")";
      };
      x.evidence = cycle_timing_evidence(f.timing);
      x.notes.insert(x.notes.begin(), Note{x.location, cycle_timing_text(f.timing, short_name(f.timing.earlier),
                                                                         short_name(f.timing.later))});
    } else if (f.kind == report::kDeadlock) {
      std::vector<std::string> names;
      uint32_t primary_stack = 0;
      for (const RawWait& w : f.waits) {
        std::string wants = c.lock_name(w.waits_for);
        Location at = c.user_loc(w.wait_stack);
        if (primary_stack == 0 || x.location < at) x.location = at, primary_stack = w.wait_stack;
        add_unique(x.threads, c.thread_ref(w.thread));
        std::string holds;
        for (const auto& [l, s] : w.holds) holds += (holds.empty() ? "'" : ", '") + c.lock_name(l) + "'";
        c.stack_notes(x.notes, w.wait_stack,
                      "thread " + c.thread_text(w.thread) + " is blocked here waiting for '" + wants + "'" +
                          (holds.empty() ? "" : " while holding " + holds));
        for (const auto& [l, s] : w.holds) {
          c.stack_notes(x.notes, s, "thread " + c.thread_ref(w.thread).id + " took '" + c.lock_name(l) + "' here");
          x.edges.push_back(report::LockEdge{c.lock_name(l), wants, at, "T" + std::to_string(w.thread)});
        }
        names.push_back(wants);
      }
      x.message = "deadlock: " + std::to_string(f.waits.size()) + " threads are blocked, each waiting for a lock another holds (";
      for (size_t i = 0; i < names.size(); ++i) x.message += (i ? ", '" : "'") + names[i] + "'";
      x.message += ")";
      x.function = c.user_function(primary_stack);
    } else {
      const LockSnap& l = f.locks.front();
      std::string name = x.locks.front();
      x.location = c.user_loc(f.stack);
      x.function = c.user_function(f.stack);
      add_unique(x.threads, c.thread_ref(f.thread));
      if (f.kind == report::kDoubleLock) {
        x.message = "'" + name + "' is locked again by thread " + c.thread_text(f.thread) +
                    ", which already holds it; a non-recursive lock waits for itself forever";
        c.stack_notes(x.notes, f.stack, "'" + name + "' locked again here");
        c.stack_notes(x.notes, f.other_stack, "'" + name + "' was first acquired here by the same thread");
      } else {
        x.message = "'" + name + "' is unlocked by thread " + c.thread_text(f.thread) + ", which does not hold it";
        c.stack_notes(x.notes, f.stack, "'" + name + "' unlocked here");
        c.first_taken_note(x.notes, l);
      }
    }
    if (c.one_frame_stacks)
      x.notes.push_back(Note{{}, "stacks stop at their first frame: the code was built without frame pointers; "
                                 "build with -fno-omit-frame-pointer for full call chains"});
    bool suppressed = false;
    for (const Suppression& s : sup_) {
      if (s.kind != "*" && s.kind != x.kind) continue;
      for (const auto& t : c.seen_text)
        if (t.find(s.pattern) != std::string::npos) suppressed = true;
    }
    if (!suppressed) out.push_back(std::move(x));
  }
  return out;
}

}  // namespace lockscope::rt
