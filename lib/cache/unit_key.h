#pragma once
// What identifies one translation unit's facts, independent of where they are stored: the compile
// command, its directory and main file, and the versions of lockscope and of the facts format
// (a new lockscope may extract different facts from the same code). Also the content hash used to
// tell whether a file a unit read has changed. Both use xxh3-64: stable across processes and
// machines (std::hash is not), fast, and collisions are guarded by storing the command itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lockscope::cache {

struct UnitCommand {
  std::string file;                  // absolute main source file
  std::string directory;             // where the command runs; relative names resolve here
  std::vector<std::string> command;  // argv, compiler first
  friend bool operator==(const UnitCommand&, const UnitCommand&) = default;
};

// 16 lowercase hex digits.
std::string unit_key(const UnitCommand& unit);

// Which lockscope computes the facts: the version, the facts format, and the hash of the running
// executable, so a rebuilt lockscope whose extraction changed (same version string, as between
// releases) never trusts the facts of the old one. Computed once per process.
const std::string& tool_identity();

// The xxh3-64 of a file's bytes as 16 hex digits; nullopt when it cannot be read.
std::optional<std::string> hash_file(const std::string& path);

// `name` as read by a unit compiled in `directory` (absolute names stay as they are).
std::string resolve(const std::string& name, const std::string& directory);

}  // namespace lockscope::cache
