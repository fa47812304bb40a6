#pragma once
// Input mistakes that Clang would otherwise report in its own terms (or not at all): a compile
// command run in a directory that does not exist ("LLVM ERROR: Cannot chdir", then a crash), a
// file that is not a C or C++ source ("expected exactly one compiler job"), a header given alone
// (compiled as C). Each is one sentence naming the file; the caller exits 2 (InputError).
#include <string>
#include <vector>

#include "driver/compile_db.h"

namespace lockscope::driver {

// Throws InputError for the first unit whose `directory` does not exist; `database` names where
// the entry comes from.
void check_unit_directories(const std::vector<Unit>& units, const std::string& database);

// With fixed compiler arguments (after `--`), the language comes from the extension: throws
// InputError for a FILE that is a header or not a C or C++ source, unless the arguments choose
// the language themselves (-x).
void check_source_extension(const std::string& given, const std::vector<std::string>& fixed_args);

}  // namespace lockscope::driver
