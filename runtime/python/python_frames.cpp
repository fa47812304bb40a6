#include "python/python_frames.h"

#include <fstream>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "python/python_api.h"
#include "spin_lock.h"

namespace lockscope::rt::py {

namespace {

constexpr uintptr_t kLineBit = uintptr_t{1} << 62;  // the middle field is a line, not an offset
constexpr unsigned kPtrBits = 47, kFieldBits = 15;
constexpr uintptr_t kPtrMask = (uintptr_t{1} << kPtrBits) - 1, kFieldMax = (uintptr_t{1} << kFieldBits) - 1;

struct CodeInfo {
  std::string file, function;
  bool library = false;
};

struct Tables {
  SpinLock lock;
  std::unordered_map<uintptr_t, CodeInfo> code;  // code object -> what reports say of it
  std::vector<std::string> library_dirs;
  std::unordered_map<uint32_t, std::pair<uintptr_t, uint32_t>> lock_created;  // id -> creation frame, ordinal
  std::unordered_map<uintptr_t, uint32_t> creations;  // creation frame -> locks created there
  std::unordered_map<uint32_t, std::pair<std::string, std::string>> threads;  // index -> name, entry
  std::map<std::string, std::vector<std::string>> sources;  // file -> lines, read at report time
};
Tables& tables() {
  static Tables* t = new Tables;  // never destroyed: reports are written from exit handlers
  return *t;
}

// Code objects this thread already registered: a loop over the same functions asks nothing else.
constexpr unsigned kCodeCache = 32;
thread_local uintptr_t t_known_code[kCodeCache] __attribute__((tls_model("initial-exec")));

bool under(const std::string& file, const std::vector<std::string>& dirs) {
  if (file.starts_with("<")) return true;  // <frozen importlib._bootstrap>, <string>
  for (const auto& d : dirs)
    if (!d.empty() && file.starts_with(d)) return true;
  return false;
}

std::string attr_text(const Api& a, Obj* o, const char* name) {
  Obj* v = a.PyObject_GetAttrString(o, name);
  if (!v) {
    a.PyErr_Clear();
    return {};
  }
  const char* s = a.PyUnicode_AsUTF8(v);
  std::string out = s ? s : "";
  if (!s) a.PyErr_Clear();
  a.Py_DecRef(v);
  return out;
}

// First sight of a code object on this thread: make sure the tables know it (and keep it alive).
__attribute__((noinline)) void register_code(const Api& a, Obj* code) {
  auto key = reinterpret_cast<uintptr_t>(code);
  t_known_code[(key >> 4) % kCodeCache] = key;
  Tables& t = tables();
  {
    SpinGuard g(t.lock);
    if (t.code.count(key)) return;
  }
  CodeInfo info;
  info.file = attr_text(a, code, "co_filename");
  info.function = attr_text(a, code, "co_qualname");
  if (info.function.empty()) info.function = attr_text(a, code, "co_name");
  a.Py_IncRef(code);
  SpinGuard g(t.lock);
  info.library = under(info.file, t.library_dirs);
  if (!t.code.emplace(key, std::move(info)).second) a.Py_DecRef(code);
}

inline void note_code(const Api& a, Obj* code) {
  auto key = reinterpret_cast<uintptr_t>(code);
  if (__builtin_expect(t_known_code[(key >> 4) % kCodeCache] != key, 0)) register_code(a, code);
}

const std::vector<std::string>& source_lines(Tables& t, const std::string& file) {
  auto it = t.sources.find(file);
  if (it != t.sources.end()) return it->second;
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return t.sources.emplace(file, std::move(lines)).first->second;
}

unsigned line_of(uintptr_t pc) {
  uintptr_t field = (pc >> kPtrBits) & kFieldMax;
  if (pc & kLineBit) return static_cast<unsigned>(field);
  const Api* a = api();
  if (!a) return 0;
  // Pure arithmetic over the code object's line table (immutable, kept alive by register_code).
  int line = a->PyCode_Addr2Line(reinterpret_cast<Obj*>(pc & kPtrMask), static_cast<int>(field * 2));
  return line > 0 ? static_cast<unsigned>(line) : 0;
}

bool is_identifier_path(const std::string& s) {
  if (s.empty() || !(isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
  return s.back() != '.';
}

}  // namespace

void capture_python_stack(Stack& s, unsigned depth) {
  s.n = 0;
  const Api& a = *api();
  Obj* f = a.PyEval_GetFrame();  // borrowed
  if (!f) return;
  a.Py_IncRef(f);
  while (s.n < depth) {
    Obj* code = a.PyFrame_GetCode(f);
    note_code(a, code);
    uintptr_t field, flag = 0;
    if (a.PyFrame_GetLasti) {
      int lasti = a.PyFrame_GetLasti(f);
      field = lasti > 0 ? static_cast<uintptr_t>(lasti / 2) : 0;
    } else {
      field = static_cast<uintptr_t>(a.PyFrame_GetLineNumber(f));
      flag = kLineBit;
    }
    if (field > kFieldMax) field = kFieldMax;
    s.pc[s.n++] = kPythonFrameBit | flag | field << kPtrBits | (reinterpret_cast<uintptr_t>(code) & kPtrMask);
    a.Py_DecRef(code);
    Obj* back = a.PyFrame_GetBack(f);
    a.Py_DecRef(f);
    if (!back) return;
    f = back;
  }
  a.Py_DecRef(f);
}

uintptr_t first_user_frame(const Stack& s) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  for (uint32_t i = 0; i < s.n; ++i) {
    auto it = t.code.find(s.pc[i] & kPtrMask);
    if (it != t.code.end() && !it->second.library) return s.pc[i];
  }
  return s.n ? s.pc[0] : 0;
}

bool resolve_frame(uintptr_t pc, std::vector<Frame>& out) {
  if (!is_python_pc(pc)) return false;
  Frame f;
  f.pc = pc;
  f.line = line_of(pc);
  Tables& t = tables();
  SpinGuard g(t.lock);
  auto it = t.code.find(pc & kPtrMask);
  if (it != t.code.end()) {
    f.file = it->second.file;
    f.function = it->second.function;
    if (it->second.library) f.module = kLibraryModule;
  }
  out.push_back(std::move(f));
  return true;
}

void set_library_dirs(std::vector<std::string> dirs) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  t.library_dirs = std::move(dirs);
  for (auto& [code, info] : t.code) info.library = under(info.file, t.library_dirs);
}

uint32_t count_creation(uintptr_t site) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  return ++t.creations[site];
}

void note_lock_created(uint32_t id, uintptr_t created, uint32_t ordinal) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  t.lock_created[id] = {created, ordinal};
}

std::string name_from_assignment(const std::string& line, const std::string& qualname, bool& global) {
  global = false;
  size_t eq = line.find('=');
  if (eq == std::string::npos || line.compare(eq, 2, "==") == 0) return {};
  std::string lhs = line.substr(0, eq);
  if (size_t colon = lhs.find(':'); colon != std::string::npos) lhs.resize(colon);  // x: Lock = Lock()
  size_t b = lhs.find_first_not_of(" \t"), e = lhs.find_last_not_of(" \t");
  if (b == std::string::npos) return {};
  lhs = lhs.substr(b, e - b + 1);
  if (!is_identifier_path(lhs)) return {};
  if (lhs.starts_with("self.")) {
    size_t dot = qualname.rfind('.');
    std::string cls = dot == std::string::npos ? qualname : qualname.substr(0, dot);
    if (size_t inner = cls.rfind('.'); inner != std::string::npos) cls = cls.substr(inner + 1);
    return cls + lhs.substr(4);
  }
  global = qualname == "<module>" && lhs.find('.') == std::string::npos;
  return lhs;
}

bool python_lock_name(uint32_t id, std::string& name, bool& global) {
  Tables& t = tables();
  uintptr_t created;
  uint32_t ordinal;
  {
    SpinGuard g(t.lock);
    auto it = t.lock_created.find(id);
    if (it == t.lock_created.end()) return false;
    std::tie(created, ordinal) = it->second;
  }
  std::vector<Frame> fs;
  resolve_frame(created, fs);
  const Frame& f = fs.front();
  std::string line;
  {
    SpinGuard g(t.lock);
    const auto& lines = source_lines(t, f.file);
    if (f.line > 0 && f.line <= lines.size()) line = lines[f.line - 1];
  }
  name = name_from_assignment(line, f.function, global);
  bool attribute = line.find("self.") != std::string::npos && !name.empty();
  if (name.empty()) {
    std::string base = f.file.substr(f.file.rfind('/') + 1);
    name = "lock@" + base + ":" + std::to_string(f.line);
  }
  if (!global && (attribute || ordinal > 1)) name += "#" + std::to_string(ordinal);
  return true;
}

bool python_lock_creation(uint32_t id, std::string& file, unsigned& line) {
  Tables& t = tables();
  uintptr_t created;
  {
    SpinGuard g(t.lock);
    auto it = t.lock_created.find(id);
    if (it == t.lock_created.end()) return false;
    created = it->second.first;
  }
  std::vector<Frame> fs;
  resolve_frame(created, fs);
  file = fs.front().file;
  line = fs.front().line;
  return true;
}

void note_thread(uint32_t index, std::string name, std::string entry) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  t.threads[index] = {std::move(name), std::move(entry)};
}

bool python_thread_name(uint32_t index, std::string& name, std::string& entry) {
  Tables& t = tables();
  SpinGuard g(t.lock);
  auto it = t.threads.find(index);
  if (it == t.threads.end()) return false;
  name = it->second.first;
  entry = it->second.second;
  return true;
}

}  // namespace lockscope::rt::py
