#pragma once
// What a compiler command line handed to the launcher (`lockscope-extract clang++ ... -c a.cpp
// -o a.o`) compiles, and where its object goes, so the launcher knows whether to extract and where
// the unit record belongs (`a.o.lockscope.json`). Read from the arguments alone, the way ccache
// does; anything it cannot read with confidence is "not a single C/C++ compile", and the launcher
// then only runs the compiler.
#include <optional>
#include <string>
#include <vector>

namespace lockscope::cache {

struct CompileJob {
  std::string source;  // as written in the command
  std::string object;  // -o's value, or the source's stem + ".o" in the working directory
};

// nullopt for links, preprocessing (-E), dependency-only (-M/-MM), syntax-only runs, and commands
// with no or several C/C++ sources (assembler files, `-x` overrides).
std::optional<CompileJob> compile_job(const std::vector<std::string>& argv);

}  // namespace lockscope::cache
