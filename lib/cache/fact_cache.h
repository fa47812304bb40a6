#pragma once
// `lockscope check --cache-dir DIR`: one entry per translation unit, so an unchanged unit is not
// parsed again and a changed header re-parses exactly the units that read it.
//
// An entry lives at DIR/<unit_key>.json (unit_key.h: command, directory, file, and the identity
// of the lockscope binary) and holds the command itself, every file the unit read with the hash of
// its content when it was stored, and the facts. It is used only when the command matches and
// every file still hashes the same. Anything else that is wrong with an entry (unreadable, not
// JSON, another command under the same key, facts that do not validate) makes it a miss with a
// warning: a cache is never trusted over parsing the code. Entries are written atomically
// (atomic_file.h), so concurrent checks sharing DIR are safe; the last writer wins.
//
// Known limit (as in ccache's direct mode): a header newly created earlier in the include path,
// shadowing one the unit read, is not noticed. Delete DIR after changing include paths' contents
// that way, or after a system header upgrade that keeps file contents (none do in practice).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "cache/unit_key.h"
#include "facts/facts.h"

namespace lockscope::cache {

class FactCache {
 public:
  // Does not touch the file system: an unusable DIR shows up as warnings on store.
  explicit FactCache(std::string dir) : dir_(std::move(dir)) {}

  // The unit's facts if a valid entry exists; otherwise nullopt, with a warning appended when an
  // entry exists but cannot be trusted (a changed file is not a warning, just a miss).
  std::optional<facts::TranslationUnitFacts> load(const UnitCommand& unit, std::vector<std::string>& warnings) const;

  // Stores facts extracted with `unit` by a parse that started at `parsed_at`. A file modified
  // since then is skipped silently (the facts may describe its old content while the hash would
  // be of the new one); a file that cannot be hashed, or a failed write, skips the entry with a
  // warning: the check itself never fails because of the cache.
  void store(const UnitCommand& unit, const facts::TranslationUnitFacts& facts,
             std::chrono::system_clock::time_point parsed_at, std::vector<std::string>& warnings) const;

  std::string entry_path(const UnitCommand& unit) const;

 private:
  std::string dir_;
};

}  // namespace lockscope::cache
