// `lockscope check`: options in, report out. The work is in lib/driver (units, parallel
// extraction, errors), lib/extract and lib/link (the analysis).
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "driver/check.h"
#include "driver/check_options.h"
#include "driver/compile_db.h"
#include "extract/extract.h"
#include "link/link.h"
#include "report/json_io.h"
#include "report/sarif.h"
#include "report/text_writer.h"

namespace lockscope::cli {

namespace {

int fail(const std::string& message) {
  std::cerr << "lockscope check: " << message << "\n";
  return report::kExitError;
}

void write_report(std::ostream& out, const driver::CheckOptions& options, const driver::CheckResult& result) {
  if (options.format == driver::OutputFormat::Json) {
    report::write_json(out, result.report);
    return;
  }
  if (options.format == driver::OutputFormat::Sarif) {
    // Code scanning resolves relative URIs against the checkout, where CI runs us.
    std::error_code ec;
    report::write_sarif(out, result.report, {std::filesystem::current_path(ec).string()});
    return;
  }
  if (!options.quiet) {
    report::write_text(out, result.report);  // ends with the findings summary line
    return;
  }
  for (const report::Diagnostic& d : result.report.diagnostics) report::write_text(out, d);
  for (const report::Finding& f : result.report.findings) report::write_text(out, f);
}

}  // namespace

int check_main(const Args& args) {
  driver::CheckOptions options;
  try {
    options = driver::parse_check_args(args);
  } catch (const driver::UsageError& e) {
    return fail(e.what());
  }
  if (options.help) {
    std::cout << driver::check_help();
    return report::kExitClean;
  }
  // Opened before the analysis, so an unwritable path fails in a second, not after an hour.
  std::ofstream file;
  if (options.output) {
    file.open(*options.output);
    if (!file) return fail("cannot write --output " + *options.output + ": " + std::strerror(errno));
  }
  std::ostream& out = options.output ? file : std::cout;

#ifdef LOCKSCOPE_WITHOUT_ANALYSIS
  return fail("this build has no static analysis (lib/extract and lib/link were not built)");
#else
  driver::CheckResult result;
  try {
    result = driver::run_check(options, extract::make_extract_action, link::analyze);
  } catch (const driver::InputError& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // A bug of ours, not the user's input; still one message and exit 2, never a crash.
    return fail(std::string("internal error: ") + e.what() + " (please report this)");
  }
  write_report(out, options, result);
  out.flush();
  if (!out) return fail("cannot write the report" + (options.output ? " to " + *options.output : std::string()));
  if (!options.quiet && result.failed > 0)
    std::cerr << "lockscope check: " << result.failed << " of " << result.units
              << " translation units could not be analyzed (see the errors in the report)\n";
  return result.exit_status;
#endif
}

}  // namespace lockscope::cli
