#include "driver/check.h"

#include <chrono>
#include <thread>

#include <llvm/Support/FileSystem.h>

#include "driver/compile_db.h"
#include "driver/resource_dir.h"
#include "lockscope/version.h"

namespace lockscope::driver {

namespace {

std::string resource_dir_for(const CheckOptions& options) {
  if (!options.resource_dir) return default_resource_dir();
  if (!llvm::sys::fs::is_directory(*options.resource_dir))
    throw InputError("--resource-dir " + *options.resource_dir + ": no such directory");
  return *options.resource_dir;
}

int exit_status_of(const report::Report& r) {
  for (const report::Diagnostic& d : r.diagnostics)
    if (d.severity == report::Diagnostic::Severity::Error) return report::kExitError;
  return r.findings.empty() ? report::kExitClean : report::kExitFindings;
}

}  // namespace

CheckResult run_check(const CheckOptions& options, ActionMaker make_action, const Analyzer& analyze) {
  const std::vector<Unit> units = select_units({options.build_dir, options.fixed_args, options.files});
  ExtractOptions extract_options;
  extract_options.resource_dir = resource_dir_for(options);
  extract_options.jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  const Clock::time_point extract_start = Clock::now();
  std::vector<UnitOutcome> outcomes = extract_units(units, make_action, extract_options);
  const double extract_seconds = seconds_since(extract_start);
  std::vector<facts::TranslationUnitFacts> facts;
  std::vector<report::Diagnostic> unit_errors;
  for (UnitOutcome& o : outcomes) {
    if (o.error)
      unit_errors.push_back(std::move(*o.error));
    else
      facts.push_back(std::move(o.facts));
  }

  CheckResult result;
  result.units = units.size();
  for (const Unit& u : units) {
    result.sources.push_back(u.file);
    result.directories.push_back(u.directory);
  }
  result.failed = unit_errors.size();
  result.jobs = static_cast<unsigned>(std::min<size_t>(extract_options.jobs, units.size()));
  result.extract_seconds = extract_seconds;
  const Clock::time_point link_start = Clock::now();
  result.report = analyze(facts, link::Options{options.lock_order, options.races});
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
