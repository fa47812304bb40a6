// `lockscope link DIR...`: the whole-program half of `lockscope check` over facts extracted
// elsewhere, by `check --shard I/N --facts-out DIR` jobs or by the `lockscope-extract` compiler
// launcher. Same output options and report as check (report_output.h).
#include <fstream>
#include <iostream>

#include "commands.h"
#include "driver/check.h"
#include "driver/check_options.h"
#include "driver/compile_db.h"
#include "driver/scale.h"
#include "link/link.h"
#include "report/ci_options.h"
#include "report_output.h"

namespace lockscope::cli {

namespace {

constexpr const char* kLinkHelp = R"(usage: lockscope link [options] PATH...

Reports on facts extracted elsewhere: every *.lockscope.json unit record under each PATH
(searched recursively; a PATH may also be one record), as written by
  lockscope check --shard I/N --facts-out DIR     (one CI job per shard), or
  lockscope-extract / lockscope extract --         (CMAKE_<LANG>_COMPILER_LAUNCHER; a record
                                                   next to each object file, foo.o.lockscope.json).
The report is the one `lockscope check` gives on the same units. A source file with two
records is linked once (the first in path order; the others are named on standard error).

Output (as in lockscope check):
  --format text|json|sarif, -o/--output FILE, -q/--quiet, --show-notes, --stats,
  --no-lock-order, --no-races

Exit status: 0 no findings, 1 findings, 2 errors (bad options, a missing or malformed record,
no records at all, or a unit whose record says it could not be analyzed).
)";

int fail(const std::string& message) { return cli::fail("link", message); }

// Options of check that choose or extract units make no sense on facts already extracted.
std::optional<std::string> extraction_option(const driver::CheckOptions& o) {
  if (o.build_dir) return "-p";
  if (o.fixed_args) return "--";
  if (o.jobs != 0) return "-j";
  if (o.resource_dir) return "--resource-dir";
  if (o.cache_dir) return "--cache-dir";
  if (o.shard) return "--shard";
  if (o.facts_out) return "--facts-out";
  return std::nullopt;
}

}  // namespace

int link_main(const Args& arguments) {
  Args args = arguments;
  report::CiOptions ci;
  driver::CheckOptions options;
  try {
    ci = report::take_ci_options(args);
    options = driver::parse_check_args(args);
  } catch (const report::CiUsageError& e) {
    return fail(e.what());
  } catch (const driver::UsageError& e) {
    // check's "give -p or FILES" would mislead here.
    if (std::string(e.what()).starts_with("nothing to analyze"))
      return fail("nothing to link: give the directories holding the *.lockscope.json unit records");
    return fail(e.what());
  }
  if (options.help) {
    std::cout << kLinkHelp << "\n" << report::ci_options_help();
    return report::kExitClean;
  }
  if (auto o = extraction_option(options))
    return fail(*o + " selects or extracts units; link reads facts already extracted (see lockscope link --help)");

  ReportOutput out;
  if (!out.open("link", options.output)) return report::kExitError;

  driver::CheckResult result;
  try {
    driver::LoadedUnits loaded = driver::read_unit_records(options.files);
    for (const std::string& d : loaded.duplicates)
      result.warnings.push_back(d + " records a source file already linked; skipped");
    std::vector<std::string> warnings = std::move(result.warnings);
    result = driver::link_outcomes(loaded.units, std::move(loaded.outcomes), options, link::analyze);
    result.warnings = std::move(warnings);
  } catch (const driver::InputError& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what() + " (please report this)");
  }
  return finish_report("link", options, ci, result, out);
}

}  // namespace lockscope::cli
