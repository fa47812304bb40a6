// `lockscope check`: options in, report out. The work is in lib/driver (units, parallel
// extraction, errors), lib/extract and lib/link (the analysis).
#include <algorithm>
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
#include "report/baseline.h"
#include "report/ci_options.h"
#include "report/json_io.h"
#include "report/sarif.h"
#include "report/suppressions.h"
#include "report/text_writer.h"

namespace lockscope::cli {

namespace {

int fail(const std::string& message) {
  std::cerr << "lockscope check: " << message << "\n";
  return report::kExitError;
}

bool is_note(const report::Diagnostic& d) { return d.severity == report::Diagnostic::Severity::Note; }

// Text: errors and findings, and the analysis' gave-up notes only when asked for: on real code
// they run to hundreds of lines that would bury the findings (their number is printed instead).
void write_text_report(std::ostream& out, const driver::CheckOptions& options, report::Report report,
                       const std::vector<report::Diagnostic>& unused_suppressions) {
  if (!options.show_notes) std::erase_if(report.diagnostics, is_note);
  report.diagnostics.insert(report.diagnostics.end(), unused_suppressions.begin(), unused_suppressions.end());
  if (!options.quiet) {
    report::write_text(out, report);  // ends with the findings summary line
    return;
  }
  for (const report::Diagnostic& d : report.diagnostics) report::write_text(out, d);
  for (const report::Finding& f : report.findings) report::write_text(out, f);
}

// --report-unused-suppressions: each comment that silenced nothing, as a note where it is written.
std::vector<report::Diagnostic> unused_notes(const report::CiOutcome& outcome) {
  std::vector<report::Diagnostic> notes;
  for (const report::Suppression& s : outcome.unused)
    notes.push_back({report::Diagnostic::Severity::Note, s.location,
                     "'lockscope-ignore[" + s.kind + "]' silences nothing"});
  return notes;
}

void write_report(std::ostream& out, const driver::CheckOptions& options, const report::Report& report,
                  const std::vector<report::Diagnostic>& unused_suppressions) {
  if (options.format == driver::OutputFormat::Text) return write_text_report(out, options, report, unused_suppressions);
  report::Report full = report;
  full.diagnostics.insert(full.diagnostics.end(), unused_suppressions.begin(), unused_suppressions.end());
  if (options.format == driver::OutputFormat::Json) return report::write_json(out, full);
  // SARIF: code scanning resolves relative URIs against the checkout, where CI runs us.
  std::error_code ec;
  report::write_sarif(out, full, {std::filesystem::current_path(ec).string()});
}

// Standard error: what the report does not say on its own.
void write_summary(const driver::CheckOptions& options, const driver::CheckResult& result) {
  if (options.stats)
    std::cerr << "lockscope check: " << result.units << " translation units, extraction " << result.extract_seconds
              << " s on " << result.jobs << (result.jobs == 1 ? " thread" : " threads") << ", link "
              << result.link_seconds << " s\n";
  if (options.quiet) return;
  if (result.failed > 0)
    std::cerr << "lockscope check: " << result.failed << " of " << result.units
              << " translation units could not be analyzed (see the errors in the report)\n";
  const auto notes = std::count_if(result.report.diagnostics.begin(), result.report.diagnostics.end(), is_note);
  if (notes > 0 && options.format == driver::OutputFormat::Text && !options.show_notes)
    std::cerr << "lockscope check: the analysis gave up on " << notes << (notes == 1 ? " construct" : " constructs")
              << " (calls it cannot resolve, locks it cannot name, budgets); --show-notes lists them\n";
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
    std::cout << driver::check_help() << "\nCI:\n" << report::ci_options_help();
    return report::kExitClean;
  }
  // Opened before the analysis, so an unwritable path fails in a second, not after an hour.
  std::ofstream file;
  if (options.output) {
    file.open(*options.output);
    if (!file) return fail("cannot write --output " + *options.output + ": " + std::strerror(errno));
  }
  std::ostream& out = options.output ? file : std::cout;

  driver::CheckResult result;
  try {
    result = driver::run_check(options, extract::make_extract_action, link::analyze);
  } catch (const driver::InputError& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // A bug of ours, not the user's input; still one message and exit 2, never a crash.
    return fail(std::string("internal error: ") + e.what() + " (please report this)");
  }
  report::CiOutcome ci_outcome;
  try {
    ci_outcome = report::apply_ci_options(result.report, ci, result.sources, result.directories);
  } catch (const report::SuppressionError& e) {
    return fail(e.what());
  } catch (const report::BaselineError& e) {
    return fail(e.what());
  }
  write_report(out, options, result.report, unused_notes(ci_outcome));
  out.flush();
  if (!out) return fail("cannot write the report" + (options.output ? " to " + *options.output : std::string()));
  write_summary(options, result);
  return report::ci_exit_status(result.report, ci, ci_outcome);
}

}  // namespace lockscope::cli
