#include "driver/scale.h"

#include <chrono>
#include <set>

#include "cache/atomic_file.h"
#include "cache/fact_cache.h"
#include "cache/unit_key.h"
#include "cache/unit_record.h"

namespace lockscope::driver {

namespace {

cache::UnitCommand command_of(const Unit& u) { return {u.file, u.directory, u.command}; }

}  // namespace

std::vector<Unit> shard_units(const std::vector<Unit>& units, cache::Shard shard) {
  std::vector<std::string> files;
  for (const Unit& u : units) files.push_back(u.file);
  std::vector<Unit> members;
  for (size_t i : cache::shard_members(files, shard)) members.push_back(units[i]);
  return members;
}

CachedExtraction extract_with_cache(const std::vector<Unit>& units, ActionMaker make_action,
                                    const ExtractOptions& options, const std::string& cache_dir) {
  const cache::FactCache store(cache_dir);
  CachedExtraction result;
  result.outcomes.resize(units.size());
  std::vector<Unit> misses;
  std::vector<size_t> miss_index;
  for (size_t i = 0; i < units.size(); ++i) {
    if (auto facts = store.load(command_of(units[i]), result.warnings)) {
      result.outcomes[i].facts = std::move(*facts);
      ++result.from_cache;
    } else {
      misses.push_back(units[i]);
      miss_index.push_back(i);
    }
  }
  if (misses.empty()) return result;
  // Files changed after this instant may not match the facts: those entries are not stored.
  const auto parsed_at = std::chrono::system_clock::now();
  std::vector<UnitOutcome> parsed = extract_units(misses, make_action, options);
  for (size_t j = 0; j < parsed.size(); ++j) {
    if (!parsed[j].error) store.store(command_of(misses[j]), parsed[j].facts, parsed_at, result.warnings);
    result.outcomes[miss_index[j]] = std::move(parsed[j]);
  }
  return result;
}

void write_unit_records(const std::string& dir, const std::vector<Unit>& units,
                        const std::vector<UnitOutcome>& outcomes) {
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    const cache::UnitRecord record{u.file, u.directory, outcomes[i].facts, outcomes[i].error};
    try {
      cache::write_record(dir + "/" + cache::record_name(u.file, cache::unit_key(command_of(u))), record);
    } catch (const cache::WriteError& e) {
      throw InputError(std::string("--facts-out: ") + e.what());
    }
  }
}

LoadedUnits read_unit_records(const std::vector<std::string>& paths) {
  LoadedUnits loaded;
  std::set<std::string> seen;
  try {
    for (const std::string& path : paths) {
      for (const std::string& file : cache::find_records(path)) {
        cache::UnitRecord r = cache::read_record(file);
        if (!seen.insert(r.file).second) {
          loaded.duplicates.push_back(file);
          continue;
        }
        loaded.units.push_back(Unit{r.file, r.directory, {}});
        loaded.outcomes.push_back(UnitOutcome{std::move(r.facts), std::move(r.error)});
      }
    }
  } catch (const cache::RecordError& e) {
    throw InputError(e.what());
  }
  if (loaded.units.empty()) {
    std::string where;
    for (const std::string& p : paths) where += (where.empty() ? "" : ", ") + p;
    throw InputError("no *" + std::string(cache::kRecordSuffix) + " unit records in " + where +
                     " (written by lockscope check --facts-out or by the lockscope-extract compiler launcher)");
  }
  return loaded;
}

}  // namespace lockscope::driver
