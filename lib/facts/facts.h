#pragma once
// Per-translation-unit facts: everything the whole-program link needs from one compile command,
// and nothing Clang-specific, so extraction can run anywhere (a compiler launcher, a CI shard) and
// the link merges the results. Serialized with nlohmann/json (facts_json.h).
//
// OWNER: the static-core work (issue 4). The fields below are the seam the driver relies on; the
// analysis content is filled in by that work.
#include <string>
#include <vector>

namespace lockscope::facts {

struct TranslationUnitFacts {
  std::string main_file;               // the source file of the compile command, as given
  std::vector<std::string> files_read; // every file the unit read (for caching, issue 7)
  // ... functions, lock events, calls, thread starts, accesses: defined by the static-core work.
};

}  // namespace lockscope::facts
