// Moved out of check_command.cpp so `lockscope link` shares it (issue 7).
#include "report_output.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "report/baseline.h"
#include "report/json_io.h"
#include "report/sarif.h"
#include "report/suppressions.h"
#include "report/text_writer.h"

namespace lockscope::cli {

namespace {

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
void write_summary(const std::string& command, const driver::CheckOptions& options,
                   const driver::CheckResult& result) {
  const std::string prefix = "lockscope " + command + ": ";
  if (options.stats) {
    std::cerr << prefix << result.units << " translation units";
    if (options.cache_dir) std::cerr << " (" << result.from_cache << " from the cache)";
    if (command == "check" && result.jobs == 0)
      std::cerr << ", extraction " << result.extract_seconds << " s (nothing parsed)";
    else if (command == "check")
      std::cerr << ", extraction " << result.extract_seconds << " s on " << result.jobs
                << (result.jobs == 1 ? " thread" : " threads");
    std::cerr << ", link " << result.link_seconds << " s" << (result.link_from_cache ? " (from the cache)" : "") << "\n";
  }
  if (options.quiet) return;
  if (result.failed > 0)
    std::cerr << prefix << result.failed << " of " << result.units
              << " translation units could not be analyzed (see the errors in the report)\n";
  const auto notes = std::count_if(result.report.diagnostics.begin(), result.report.diagnostics.end(), is_note);
  if (notes > 0 && options.format == driver::OutputFormat::Text && !options.show_notes)
    std::cerr << prefix << "the analysis gave up on " << notes << (notes == 1 ? " construct" : " constructs")
              << " (calls it cannot resolve, locks it cannot name, budgets); --show-notes lists them\n";
}

}  // namespace

int fail(const std::string& command, const std::string& message) {
  std::cerr << "lockscope " << command << ": " << message << "\n";
  return report::kExitError;
}

std::ostream* open_output(const std::string& command, const driver::CheckOptions& options, std::ofstream& file) {
  if (!options.output) return &std::cout;
  file.open(*options.output);
  if (file) return &file;
  fail(command, "cannot write --output " + *options.output + ": " + std::strerror(errno));
  return nullptr;
}

int finish_report(const std::string& command, const driver::CheckOptions& options, const report::CiOptions& ci,
                  driver::CheckResult& result, std::ostream& out) {
  // Warnings first (an ignored cache entry): even with --quiet, a cache that misbehaves is news.
  for (const std::string& w : result.warnings) std::cerr << "lockscope " << command << ": warning: " << w << "\n";
  report::CiOutcome ci_outcome;
  try {
    ci_outcome = report::apply_ci_options(result.report, ci, result.sources, result.directories);
  } catch (const report::SuppressionError& e) {
    return fail(command, e.what());
  } catch (const report::BaselineError& e) {
    return fail(command, e.what());
  }
  write_report(out, options, result.report, unused_notes(ci_outcome));
  out.flush();
  if (!out)
    return fail(command, "cannot write the report" + (options.output ? " to " + *options.output : std::string()));
  write_summary(command, options, result);
  return report::ci_exit_status(result.report, ci, ci_outcome);
}

}  // namespace lockscope::cli
