#include "symbolizer.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "python/python_frames.h"
#include "symbolizer_elf.h"
#include "symbolizer_names.h"

extern char** environ;

namespace lockscope::rt {

namespace {

struct ModuleQuery {
  uintptr_t addr;
  const char* name = nullptr;
  uintptr_t bias = 0;
  bool found = false;
};

int find_module(dl_phdr_info* info, size_t, void* data) {
  auto* q = static_cast<ModuleQuery*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD) continue;
    uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (q->addr >= start && q->addr < start + ph.p_memsz) {
      q->name = info->dlpi_name;
      q->bias = info->dlpi_addr;
      q->found = true;
      return 1;
    }
  }
  return 0;
}

std::string self_exe() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

std::string hex(uintptr_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%lx", static_cast<unsigned long>(v));
  return buf;
}

uintptr_t parse_hex(const nlohmann::json& j) {
  if (j.is_number_unsigned()) return j.get<uintptr_t>();
  if (j.is_string()) return std::strtoull(j.get<std::string>().c_str(), nullptr, 16);
  return 0;
}

}  // namespace

bool module_of(uintptr_t addr, std::string& path, uintptr_t& relative) {
  ModuleQuery q{addr};
  dl_iterate_phdr(find_module, &q);
  if (!q.found) return false;
  path = q.name && *q.name ? q.name : self_exe();
  relative = addr - q.bias;
  return true;
}

std::vector<std::string> Symbolizer::run(const std::vector<std::string>& queries) {
  if (queries.empty()) return {};
  if (tool_.empty() || access(tool_.c_str(), X_OK) != 0) {
    problem_ = tool_.empty() ? std::string("no symbolizer (option symbolizer= is empty)")
                             : "cannot run the symbolizer '" + tool_ + "': " + std::strerror(errno);
    problem_ += ": frames have function names only, no file, line or lock names (install llvm-19, or set "
                "LOCKSCOPE_OPTIONS=symbolizer=/path/to/llvm-symbolizer)";
    return {};
  }
  char in_path[] = "/tmp/lockscope-sym-XXXXXX";
  int in_fd = mkstemp(in_path);
  if (in_fd < 0) return {};
  std::string input;
  for (const auto& q : queries) input += q + "\n";
  bool ok = write(in_fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
  close(in_fd);
  int out[2];
  if (!ok || pipe(out) != 0) {
    unlink(in_path);
    return {};
  }
  // The tool must not run under the shim itself.
  std::vector<std::string> env_store;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "LD_PRELOAD=", 11) != 0 && std::strncmp(*e, "LOCKSCOPE_", 10) != 0) env_store.push_back(*e);
  std::vector<char*> envp;
  for (auto& s : env_store) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string a0 = tool_, a1 = "--output-style=JSON", a2 = "--inlining", a3 = "--demangle";
  char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), nullptr};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, in_path, O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, tool_.c_str(), &fa, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  std::string output;
  if (rc == 0) {
    char buf[65536];
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
      if (n > 0) output.append(buf, static_cast<size_t>(n));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  }
  close(out[0]);
  unlink(in_path);
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    if (end > start) lines.push_back(output.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() != queries.size()) {
    problem_ = "the symbolizer '" + tool_ + "' failed: frames have function names only, no file, line or lock names";
    return {};
  }
  return lines;
}

std::map<uintptr_t, std::vector<Frame>> Symbolizer::code(const std::vector<uintptr_t>& pcs) {
  std::map<uintptr_t, std::vector<Frame>> result;
  std::vector<std::string> queries;
  std::vector<uintptr_t> asked;
  std::vector<std::string> modules;
  for (uintptr_t pc : pcs) {
    if (result.count(pc)) continue;
    if (py::resolve_frame(pc, result[pc])) continue;  // a Python frame (python/python_frames.h)
    std::string mod;
    uintptr_t rel = 0;
    if (!module_of(pc - 1, mod, rel)) continue;
    queries.push_back("CODE \"" + mod + "\" " + hex(rel));
    asked.push_back(pc);
    modules.push_back(mod);
  }
  std::vector<std::string> lines = run(queries);
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i], nullptr, false);
    if (!j.is_object() || !j.contains("Symbol") || !j["Symbol"].is_array()) continue;
    for (const auto& s : j["Symbol"]) {
      Frame f;
      f.pc = asked[i];
      f.module = modules[i];
      f.function = s.value("FunctionName", "");
      f.file = s.value("FileName", "");
      f.line = s.value("Line", 0u);
      f.column = s.value("Column", 0u);
      f.start_file = s.value("StartFileName", "");
      f.start_line = s.value("StartLine", 0u);
      f.function = readable_function(f);
      if (f.function.empty() || f.function == "??") continue;
      result[asked[i]].push_back(std::move(f));
    }
  }
  // For whatever the tool did not resolve: the module's symbol table, else dladdr (exported
  // symbols only).
  ElfSymbols symbols;
  for (auto& [pc, frames] : result) {
    if (!frames.empty()) continue;
    Frame f;
    f.pc = pc;
    uintptr_t rel = 0;
    if (module_of(pc - 1, f.module, rel)) f.function = readable_function(Frame{0, symbols.function_at(f.module, rel)});
    Dl_info info{};
    if (f.function.empty() && dladdr(reinterpret_cast<void*>(pc - 1), &info)) {
      if (info.dli_sname) f.function = demangle(info.dli_sname);
      if (info.dli_fname && f.module.empty()) f.module = info.dli_fname;
    }
    frames.push_back(std::move(f));
  }
  return result;
}

std::map<uintptr_t, std::string> Symbolizer::data(const std::vector<uintptr_t>& addrs) {
  std::map<uintptr_t, std::string> result;
  std::vector<std::string> queries;
  std::vector<uintptr_t> asked, rels;
  for (uintptr_t a : addrs) {
    std::string mod;
    uintptr_t rel = 0;
    if (!module_of(a, mod, rel)) continue;  // heap and stack addresses belong to no module
    queries.push_back("DATA \"" + mod + "\" " + hex(rel));
    asked.push_back(a);
    rels.push_back(rel);
  }
  std::vector<std::string> lines = run(queries);
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i], nullptr, false);
    if (!j.is_object() || !j.contains("Data") || !j["Data"].is_object()) continue;
    std::string name = j["Data"].value("Name", "");
    if (name.empty() || name == "??") continue;
    uintptr_t start = parse_hex(j["Data"]["Start"]);
    uintptr_t off = rels[i] >= start ? rels[i] - start : 0;
    result[asked[i]] = off ? name + "+" + std::to_string(off) : name;
  }
  for (uintptr_t a : asked) {
    if (result.count(a)) continue;
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(a), &info) && info.dli_sname) {
      uintptr_t off = a - reinterpret_cast<uintptr_t>(info.dli_saddr);
      result[a] = demangle(info.dli_sname) + (off ? "+" + std::to_string(off) : "");
    }
  }
  return result;
}

}  // namespace lockscope::rt
