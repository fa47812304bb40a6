#include "symbolizer_elf.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "symbolizer_names.h"

namespace lockscope::rt {

namespace {

// The function symbols of the first table of `type` in the mapped file (bounds-checked: the file
// may be anything).
void read_table(const unsigned char* base, size_t size, uint32_t type, std::vector<std::string>& names,
                std::vector<std::pair<uintptr_t, uintptr_t>>& ranges) {
  if (size < sizeof(Elf64_Ehdr) || std::memcmp(base, ELFMAG, SELFMAG) != 0 || base[EI_CLASS] != ELFCLASS64) return;
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
  if (eh->e_shoff == 0 || eh->e_shentsize != sizeof(Elf64_Shdr) ||
      eh->e_shoff + uint64_t(eh->e_shnum) * sizeof(Elf64_Shdr) > size)
    return;
  const auto* sh = reinterpret_cast<const Elf64_Shdr*>(base + eh->e_shoff);
  for (unsigned i = 0; i < eh->e_shnum; ++i) {
    if (sh[i].sh_type != type || sh[i].sh_link >= eh->e_shnum) continue;
    const Elf64_Shdr& strings = sh[sh[i].sh_link];
    if (sh[i].sh_offset + sh[i].sh_size > size || strings.sh_offset + strings.sh_size > size) return;
    const auto* sym = reinterpret_cast<const Elf64_Sym*>(base + sh[i].sh_offset);
    size_t count = sh[i].sh_size / sizeof(Elf64_Sym);
    const char* str = reinterpret_cast<const char*>(base + strings.sh_offset);
    for (size_t k = 0; k < count; ++k) {
      if (ELF64_ST_TYPE(sym[k].st_info) != STT_FUNC || sym[k].st_value == 0 || sym[k].st_name >= strings.sh_size)
        continue;
      const char* name = str + sym[k].st_name;
      if (!std::memchr(name, 0, strings.sh_size - sym[k].st_name)) continue;
      names.emplace_back(name);
      ranges.emplace_back(sym[k].st_value, sym[k].st_size);
    }
    return;
  }
}

}  // namespace

std::string ElfSymbols::function_at(const std::string& module_path, uintptr_t relative) {
  auto it = modules_.find(module_path);
  if (it == modules_.end()) {
    std::vector<Symbol> symbols;
    int fd = open(module_path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0) {
      size_t size = static_cast<size_t>(st.st_size);
      void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map != MAP_FAILED) {
        std::vector<std::string> names;
        std::vector<std::pair<uintptr_t, uintptr_t>> ranges;
        read_table(static_cast<const unsigned char*>(map), size, SHT_SYMTAB, names, ranges);
        if (names.empty()) read_table(static_cast<const unsigned char*>(map), size, SHT_DYNSYM, names, ranges);
        for (size_t i = 0; i < names.size(); ++i) symbols.push_back({ranges[i].first, ranges[i].second, names[i]});
        munmap(map, size);
      }
    }
    if (fd >= 0) close(fd);
    std::sort(symbols.begin(), symbols.end(), [](const Symbol& a, const Symbol& b) { return a.start < b.start; });
    it = modules_.emplace(module_path, std::move(symbols)).first;
  }
  const auto& symbols = it->second;
  auto after = std::upper_bound(symbols.begin(), symbols.end(), relative,
                                [](uintptr_t a, const Symbol& s) { return a < s.start; });
  // The nearest symbol starting at or before the address, if it contains it (hand-written code
  // can have size 0: take it then).
  if (after == symbols.begin()) return {};
  const Symbol& s = *std::prev(after);
  if (s.size == 0 || relative < s.start + s.size) return demangle(s.name.c_str());
  return {};
}

}  // namespace lockscope::rt
