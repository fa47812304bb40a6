#include "cache/report_cache.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/xxhash.h>
#include <nlohmann/json.hpp>

#include "cache/atomic_file.h"
#include "cache/unit_key.h"
#include "facts/facts_json.h"
#include "report/json_io.h"

namespace lockscope::cache {

std::string link_key(const std::vector<facts::TranslationUnitFacts>& units, const std::string& options) {
  std::string text = tool_identity() + options + '\0';
  for (const facts::TranslationUnitFacts& u : units) text += facts::to_json(u).dump() + '\0';
  const uint64_t h = llvm::xxh3_64bits(llvm::StringRef(text));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::optional<report::Report> ReportCache::load(const std::string& key, std::vector<std::string>& warnings) const {
  const std::string file = path(key);
  if (!llvm::sys::fs::exists(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  try {
    return report::report_from_json(nlohmann::json::parse(text.str()));
  } catch (const std::exception& e) {
    warnings.push_back("ignoring cache entry " + file + " (malformed: " + e.what() + "); the link runs again");
    return std::nullopt;
  }
}

void ReportCache::store(const std::string& key, const report::Report& report, std::vector<std::string>& warnings) const {
  try {
    write_atomically(path(key), report::to_json(report).dump());
  } catch (const WriteError& e) {
    warnings.push_back(std::string("not caching the link: ") + e.what());
  }
}

}  // namespace lockscope::cache
