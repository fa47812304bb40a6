#pragma once
// Python frames as the shim's stacks carry them, and the Python names reports use.
//
// A Python frame is stored in a Stack like a return address, packed into one word: bit 63 marks it,
// the code object's address sits in the low 47 bits and the instruction offset (or, before 3.11,
// the line) in the bits between. Capturing therefore allocates nothing and interns nothing: the
// code object is remembered (with a reference, so it outlives its frames) the first time a thread
// meets it, and its file, function and library-ness are read then, while the interpreter runs. At
// report time a packed word becomes a Frame (file, line, function) without calling into Python
// objects that may be gone (the report of a finished program is written after Py_Finalize).
//
// Locks are named from where the program created them (`lock_a = Lock()` names `lock_a`;
// `self.lock = Lock()` in `Account.__init__` names `Account.lock`), threads as Python names them.
#include <cstdint>
#include <string>
#include <vector>

#include "stack.h"
#include "symbolizer.h"

namespace lockscope::rt::py {

inline constexpr uintptr_t kPythonFrameBit = uintptr_t{1} << 63;
inline bool is_python_pc(uintptr_t pc) { return (pc & kPythonFrameBit) != 0; }

// The calling thread's Python stack, innermost first, up to `depth` frames (the GIL must be held).
void capture_python_stack(Stack& s, unsigned depth);
// The first frame of `s` not in Python's own library (the place a user wrote), else frame 0.
uintptr_t first_user_frame(const Stack& s);

// Report time: the frame a packed word stands for; false for an ordinary return address.
bool resolve_frame(uintptr_t pc, std::vector<Frame>& out);
// Files under these directories are Python's library: their frames are system frames in reports.
void set_library_dirs(std::vector<std::string> dirs);
inline constexpr const char* kLibraryModule = "<python-library>";

// How many locks the program has created at the packed frame `site`, this one included.
uint32_t count_creation(uintptr_t site);
// Lock `id` was created at the packed frame `created`, the `ordinal`-th there (a Python lock's first
// acquisition says so). Locks created at one place are told apart by it: two accounts' locks are
// `Account.lock#1` and `Account.lock#2` (an instance attribute always carries it, another name from
// the second on).
void note_lock_created(uint32_t id, uintptr_t created, uint32_t ordinal);
// The lock's Python name; `global` when a module-level variable holds it. False: not a Python lock.
bool python_lock_name(uint32_t id, std::string& name, bool& global);
// Where the program created lock `id`. False: not a Python lock.
bool python_lock_creation(uint32_t id, std::string& file, unsigned& line);
// From the assignment on a creation line: "lock_a = Lock()" -> lock_a, "self.lock = ..." in
// Account.__init__ -> Account.lock. Empty when the line assigns nothing simple.
std::string name_from_assignment(const std::string& line, const std::string& qualname, bool& global);

// Thread `index` is the Python thread `name` running `entry`.
void note_thread(uint32_t index, std::string name, std::string entry);
bool python_thread_name(uint32_t index, std::string& name, std::string& entry);

}  // namespace lockscope::rt::py
