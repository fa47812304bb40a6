#include "cli_library.h"

#include <dlfcn.h>

#include <iostream>

#include "report/finding.h"

namespace lockscope::cli {

int run_in_cli_library(const char* name, const Args& args) {
  // Found through lockscope's RUNPATH: the build directory, or ../lib when installed.
  constexpr const char* kLibrary = "liblockscope-cli.so";
  void* library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  auto* entry = library ? reinterpret_cast<decltype(&lockscope_cli_command)>(dlsym(library, "lockscope_cli_command"))
                        : nullptr;
  if (!entry) {
    std::cerr << "lockscope: cannot load " << kLibrary << ", which `lockscope " << name << "` needs: " << dlerror()
              << "\n";
    return report::kExitError;
  }
  return entry(name, &args);
}

}  // namespace lockscope::cli
