#pragma once
// Turns return addresses and data addresses into source positions and symbol names, at report
// time only. Shells out to llvm-symbolizer once per batch (module-relative addresses found with
// dl_iterate_phdr, so PIE executables and shared objects work); when that tool is missing or
// fails, falls back to the modules' ELF symbol tables (function names, no file:line) and says so
// (problem()).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lockscope::rt {

struct Frame {
  uintptr_t pc = 0;
  std::string function;
  std::string file;
  unsigned line = 0, column = 0;
  std::string module;
  // Where the function itself begins (DWARF's decl line): names a lambda by its line.
  std::string start_file;
  unsigned start_line = 0;
};

class Symbolizer {
 public:
  explicit Symbolizer(std::string tool) : tool_(std::move(tool)) {}
  // Each pc (a return address) maps to its frames, innermost inlined frame first.
  std::map<uintptr_t, std::vector<Frame>> code(const std::vector<uintptr_t>& pcs);
  // Each data address maps to "symbol" or "symbol+offset"; absent when not inside a known symbol.
  std::map<uintptr_t, std::string> data(const std::vector<uintptr_t>& addrs);
  // Why frames came without file and line (the tool missing or failing); empty when they did not.
  const std::string& problem() const { return problem_; }

 private:
  // Runs the tool over `queries` (one "CODE|DATA module 0xaddr" per line); one JSON line each.
  std::vector<std::string> run(const std::vector<std::string>& queries);
  std::string tool_;
  std::string problem_;
};

// Where a module-relative query must go: the module path and the address to ask about.
bool module_of(uintptr_t addr, std::string& path, uintptr_t& relative);

}  // namespace lockscope::rt
