#include "cache/fact_cache.h"

#include <fstream>
#include <set>
#include <sstream>

#include <llvm/Support/FileSystem.h>
#include <nlohmann/json.hpp>

#include "cache/atomic_file.h"
#include "facts/facts_json.h"

namespace lockscope::cache {

using nlohmann::json;

namespace {

// Why an existing entry cannot be trusted.
struct Untrusted {
  std::string why;
};

json command_json(const UnitCommand& unit) {
  return json{{"file", unit.file}, {"directory", unit.directory}, {"command", unit.command}};
}

// The files whose content the facts depend on: the main file and everything it read.
std::set<std::string> files_of(const UnitCommand& unit, const facts::TranslationUnitFacts& facts) {
  std::set<std::string> files{unit.file};
  for (const std::string& f : facts.files_read) files.insert(resolve(f, unit.directory));
  return files;
}

// nullopt: a file changed (a plain miss). Throws Untrusted or json errors for a bad entry.
std::optional<facts::TranslationUnitFacts> read_entry(const json& entry, const UnitCommand& unit) {
  if (!entry.is_object()) throw Untrusted{"not a JSON object"};
  if (entry.at("command") != command_json(unit)) throw Untrusted{"it was stored for another command"};
  for (const json& f : entry.at("files")) {
    const std::optional<std::string> now = hash_file(f.at("path").get<std::string>());
    if (!now || *now != f.at("hash").get<std::string>()) return std::nullopt;
  }
  return facts::facts_from_json(entry.at("facts"));
}

}  // namespace

std::string FactCache::entry_path(const UnitCommand& unit) const { return dir_ + "/" + unit_key(unit) + ".json"; }

std::optional<facts::TranslationUnitFacts> FactCache::load(const UnitCommand& unit,
                                                           std::vector<std::string>& warnings) const {
  const std::string path = entry_path(unit);
  if (!llvm::sys::fs::exists(path)) return std::nullopt;
  auto untrusted = [&](const std::string& why) {
    warnings.push_back("ignoring cache entry " + path + " (" + why + "); " + unit.file + " is parsed again");
    return std::nullopt;
  };
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return untrusted("unreadable");
  try {
    return read_entry(json::parse(text.str()), unit);
  } catch (const Untrusted& e) {
    return untrusted(e.why);
  } catch (const json::exception& e) {
    return untrusted(std::string("malformed: ") + e.what());
  } catch (const facts::FactsFormatError& e) {
    return untrusted(std::string("malformed facts: ") + e.what());
  }
}

void FactCache::store(const UnitCommand& unit, const facts::TranslationUnitFacts& facts,
                      std::chrono::system_clock::time_point parsed_at, std::vector<std::string>& warnings) const {
  json files = json::array();
  for (const std::string& f : files_of(unit, facts)) {
    llvm::sys::fs::file_status status;
    if (!llvm::sys::fs::status(f, status) && status.getLastModificationTime() >= parsed_at) return;
    const std::optional<std::string> hash = hash_file(f);
    if (!hash) {
      warnings.push_back("not caching " + unit.file + ": cannot read " + f + ", which it read");
      return;
    }
    files.push_back(json{{"path", f}, {"hash", *hash}});
  }
  const json entry{{"command", command_json(unit)}, {"files", files}, {"facts", facts::to_json(facts)}};
  try {
    write_atomically(entry_path(unit), entry.dump());
  } catch (const WriteError& e) {
    warnings.push_back(std::string("not caching ") + unit.file + ": " + e.what());
  }
}

}  // namespace lockscope::cache
