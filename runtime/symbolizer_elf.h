#pragma once
// Function names from a module's own ELF symbol table (.symtab, else .dynsym), for frames the
// symbolizer tool did not resolve: dladdr sees only exported symbols, and an executable exports
// none of its functions, so without this a report without llvm-symbolizer names nothing.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lockscope::rt {

class ElfSymbols {
 public:
  // The demangled name of the function containing `relative` (an address relative to the
  // module's load bias, as module_of gives it); empty when none does.
  std::string function_at(const std::string& module_path, uintptr_t relative);

 private:
  struct Symbol {
    uintptr_t start, size;
    std::string name;
  };
  std::map<std::string, std::vector<Symbol>> modules_;  // each sorted by start
};

}  // namespace lockscope::rt
