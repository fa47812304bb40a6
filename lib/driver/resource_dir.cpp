#include "driver/resource_dir.h"

#include <clang/Driver/Driver.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace lockscope::driver {

namespace {
bool has_builtin_headers(const std::string& dir) {
  llvm::SmallString<256> p(dir);
  llvm::sys::path::append(p, "include", "stddef.h");
  return llvm::sys::fs::exists(p);
}
}  // namespace

std::string default_resource_dir() {
  // Any function of this binary serves as the address getMainExecutable needs on other systems.
  static int anchor;
  std::string self = llvm::sys::fs::getMainExecutable("lockscope", &anchor);
  if (!self.empty()) {
    std::string derived = clang::driver::Driver::GetResourcesPath(self);
    if (has_builtin_headers(derived)) return derived;
  }
  return LOCKSCOPE_CLANG_RESOURCE_DIR;
}

void add_resource_dir(std::vector<std::string>& command, const std::string& dir) {
  for (const std::string& arg : command)
    if (arg == "-resource-dir" || arg.starts_with("-resource-dir=")) return;
  command.insert(command.begin() + (command.empty() ? 0 : 1), "-resource-dir=" + dir);
}

}  // namespace lockscope::driver
