#include "driver/check.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <thread>

#include <llvm/Support/FileSystem.h>

#include "driver/compile_db.h"
#include "driver/resource_dir.h"
#include "cache/report_cache.h"
#include "driver/scale.h"
#include "lockscope/version.h"

namespace lockscope::driver {

namespace {

std::string resource_dir_for(const CheckOptions& options) {
  if (!options.resource_dir) return default_resource_dir();
  if (!llvm::sys::fs::is_directory(*options.resource_dir))
    throw InputError("--resource-dir " + *options.resource_dir + ": no such directory");
  return *options.resource_dir;
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int exit_status_of(const report::Report& r) {
  for (const report::Diagnostic& d : r.diagnostics)
    if (d.severity == report::Diagnostic::Severity::Error) return report::kExitError;
  return r.findings.empty() ? report::kExitClean : report::kExitFindings;
}

}  // namespace

CheckResult run_check(const CheckOptions& options, ActionMaker make_action, const Analyzer& analyze) {
  std::vector<std::string> assembly;
  std::vector<Unit> units = select_units({options.build_dir, options.fixed_args, options.files}, &assembly);
  if (options.shard) units = shard_units(units, *options.shard);
  ExtractOptions extract_options;
  extract_options.resource_dir = resource_dir_for(options);
  extract_options.jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  extract_options.progress = !options.quiet;

  const Clock::time_point extract_start = Clock::now();
  CachedExtraction extraction;
  if (options.cache_dir)
    extraction = extract_with_cache(units, make_action, extract_options, *options.cache_dir);
  else
    extraction.outcomes = extract_units(units, make_action, extract_options);
  const double extract_seconds = seconds_since(extract_start);

  CheckResult result;
  if (options.facts_out) {
    // A shard: its facts are the product; `lockscope link` reports on all shards' together.
    write_unit_records(*options.facts_out, units, extraction.outcomes);
    result.units = units.size();
    for (const UnitOutcome& o : extraction.outcomes)
      if (o.error) result.report.diagnostics.push_back(*o.error);  // the shard's log says why it failed
    result.failed = result.report.diagnostics.size();
    result.exit_status = result.failed > 0 ? report::kExitError : report::kExitClean;
  } else {
    result = link_outcomes(units, std::move(extraction.outcomes), options, analyze);
  }
  result.jobs = static_cast<unsigned>(std::min<size_t>(extract_options.jobs, units.size() - extraction.from_cache));
  result.extract_seconds = extract_seconds;
  result.from_cache = extraction.from_cache;
  result.warnings.insert(result.warnings.begin(), extraction.warnings.begin(), extraction.warnings.end());
  if (!assembly.empty())
    result.warnings.insert(result.warnings.begin(),
                           "skipped " + std::to_string(assembly.size()) + " assembly source" +
                               (assembly.size() == 1 ? "" : "s") + " (no C or C++ to analyze), such as " + assembly.front());
  return result;
}

CheckResult link_outcomes(const std::vector<Unit>& units, std::vector<UnitOutcome> outcomes,
                          const CheckOptions& options, const Analyzer& analyze) {
  std::vector<size_t> order(units.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return units[a].file < units[b].file; });
  CheckResult result;
  std::vector<facts::TranslationUnitFacts> facts;
  std::vector<report::Diagnostic> unit_errors;
  for (size_t i : order) {
    result.sources.push_back(units[i].file);
    result.directories.push_back(units[i].directory);
    if (outcomes[i].error)
      unit_errors.push_back(std::move(*outcomes[i].error));
    else
      facts.push_back(std::move(outcomes[i].facts));
  }
  result.units = units.size();
  result.failed = unit_errors.size();
  const Clock::time_point link_start = Clock::now();
  const link::Options link_options{options.lock_order, options.races};
  if (options.cache_dir) {
    // Same facts, same options: same report (cache/report_cache.h).
    const cache::ReportCache reports(*options.cache_dir);
    const std::string key = cache::link_key(facts, std::string(options.lock_order ? "lock-order," : "") +
                                                       (options.races ? "races" : ""));
    if (auto cached = reports.load(key, result.warnings)) {
      result.report = std::move(*cached);
      result.link_from_cache = true;
    } else {
      result.report = analyze(facts, link_options);
      reports.store(key, result.report, result.warnings);
    }
  } else {
    result.report = analyze(facts, link_options);
  }
  result.link_seconds = seconds_since(link_start);
  result.report.tool = "lockscope";
  result.report.version = kVersion;
  result.report.source = "static";
  // Units that were not analyzed come first: every finding after them may be missing evidence.
  result.report.diagnostics.insert(result.report.diagnostics.begin(), unit_errors.begin(), unit_errors.end());
  result.exit_status = exit_status_of(result.report);
  return result;
}

}  // namespace lockscope::driver
