#pragma once
// The link's share of `--cache-dir`. The link is a pure function of the analyzed units' facts
// (in link order), the analysis options and the lockscope version, so its report is stored under
// a key made of exactly those: a run in which no unit's facts changed (nothing edited, or only
// comments and code that extraction does not see) skips the link too. On leveldb the link costs
// more than parsing the few units a typical change touches, so without this a second run would
// still pay most of the first one.
//
// Entries are DIR/link-<key>.json, written atomically; an entry that does not read back as a
// report is ignored with a warning, like a unit entry (fact_cache.h).
#include <optional>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "report/finding.h"

namespace lockscope::cache {

// 16 hex digits over the version, `options` (a caller's description of the analysis options) and
// every unit's facts in order.
std::string link_key(const std::vector<facts::TranslationUnitFacts>& units, const std::string& options);

class ReportCache {
 public:
  explicit ReportCache(std::string dir) : dir_(std::move(dir)) {}
  std::optional<report::Report> load(const std::string& key, std::vector<std::string>& warnings) const;
  void store(const std::string& key, const report::Report& report, std::vector<std::string>& warnings) const;

 private:
  std::string path(const std::string& key) const { return dir_ + "/link-" + key + ".json"; }
  std::string dir_;
};

}  // namespace lockscope::cache
