// `lockscope check`: options in, report out. The work is in lib/driver (units, parallel
// extraction, errors), lib/extract and lib/link (the analysis).
#include <fstream>
#include <iostream>
#include <new>

#include "commands.h"
#include "report_output.h"
#include "driver/check.h"
#include "driver/check_options.h"
#include "driver/compile_db.h"
#include "extract/extract.h"
#include "link/link.h"
#include "report/ci_options.h"
#include "report/text_writer.h"

namespace lockscope::cli {

namespace {

int fail(const std::string& message) { return cli::fail("check", message); }

// --facts-out: the facts are the product; standard error says what was written and why a unit
// is missing (the errors go where a shard's CI log shows them).
int finish_shard(const driver::CheckOptions& options, const driver::CheckResult& result) {
  for (const std::string& w : result.warnings) std::cerr << "lockscope check: warning: " << w << "\n";
  for (const report::Diagnostic& d : result.report.diagnostics) report::write_text(std::cerr, d);
  if (!options.quiet)
    std::cerr << "lockscope check: wrote the facts of " << result.units - result.failed << " of " << result.units
              << " translation units to " << *options.facts_out << "\n";
  return result.exit_status;
}

}  // namespace

int check_main(const Args& arguments) {
  Args args = arguments;
  report::CiOptions ci;
  driver::CheckOptions options;
  try {
    ci = report::take_ci_options(args);  // baselines and suppressions (report/ci_options.h)
    options = driver::parse_check_args(args);
  } catch (const report::CiUsageError& e) {
    return fail(e.what());
  } catch (const driver::UsageError& e) {
    return fail(e.what());
  }
  if (options.help) {
    std::cout << driver::check_help() << "\n" << report::ci_options_help();
    return report::kExitClean;
  }
  if (options.facts_out && (options.output || options.format != driver::OutputFormat::Text || ci.baseline ||
                            ci.write_baseline || ci.report_unused_suppressions))
    return fail("--facts-out writes facts, not a report: give the report options to `lockscope link`");
  ReportOutput out;
  if (!out.open("check", options.output)) return report::kExitError;

  driver::CheckResult result;
  try {
    result = driver::run_check(options, extract::make_extract_action, link::analyze);
  } catch (const driver::InputError& e) {
    return fail(e.what());
  } catch (const std::bad_alloc&) {
    // Seen when the link's contexts explode on real code (docs/real-code-triage.md).
    return fail("out of memory in the analysis (please report this with the compile database)");
  } catch (const std::exception& e) {
    // A bug of ours, not the user's input; still one message and exit 2, never a crash.
    return fail(std::string("internal error: ") + e.what() + " (please report this)");
  }
  if (options.facts_out) return finish_shard(options, result);
  return finish_report("check", options, ci, result, out);
}

}  // namespace lockscope::cli
