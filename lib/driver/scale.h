#pragma once
// Issue 7 plumbing between the driver and lib/cache: `--shard` selection, extraction that reuses
// cached facts (`--cache-dir`), and unit records, written by `--facts-out` and read back by
// `lockscope link`. Free of Clang headers.
#include <string>
#include <vector>

#include "cache/shard.h"
#include "driver/compile_db.h"
#include "driver/extract_units.h"

namespace lockscope::driver {

// The units of `shard` (cache/shard.h), in their original order.
std::vector<Unit> shard_units(const std::vector<Unit>& units, cache::Shard shard);

struct CachedExtraction {
  std::vector<UnitOutcome> outcomes;  // one per unit, in order, as extract_units gives them
  size_t from_cache = 0;              // units whose facts came from the cache (not parsed)
  std::vector<std::string> warnings;  // untrusted entries, entries that could not be written
};

// extract_units, parsing only the units without a valid entry in `cache_dir` and storing what
// it parsed. A unit that does not compile is never cached: it is parsed (and reported) again.
CachedExtraction extract_with_cache(const std::vector<Unit>& units, ActionMaker make_action,
                                    const ExtractOptions& options, const std::string& cache_dir);

// Writes one record per unit into `dir` (cache/unit_record.h), named so that every shard can
// write into the same folder. Throws InputError when a record cannot be written.
void write_unit_records(const std::string& dir, const std::vector<Unit>& units,
                        const std::vector<UnitOutcome>& outcomes);

// The records under `paths` (directories searched recursively, or record files), as units (file
// and directory; no command) and outcomes. A source file recorded twice (compiled into two
// targets, or an old shard's output) is linked once, like check analyzes it once: the first
// record in path order wins and the others are listed in `duplicates`. Throws InputError naming
// a missing path or a bad record, or when there are no records at all.
struct LoadedUnits {
  std::vector<Unit> units;
  std::vector<UnitOutcome> outcomes;
  std::vector<std::string> duplicates;  // record files skipped
};
LoadedUnits read_unit_records(const std::vector<std::string>& paths);

}  // namespace lockscope::driver
