// Moved out of check_command.cpp so `lockscope link` shares it (issue 7).
#include "report_output.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "driver/note_summary.h"
#include "relative_paths.h"
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
  make_paths_relative(report, working_directory());
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

std::string units_text(size_t n) { return std::to_string(n) + (n == 1 ? " translation unit" : " translation units"); }

void write_stats(const std::string& prefix, const std::string& command, const driver::CheckOptions& options,
                 const driver::CheckResult& result) {
  std::cerr << prefix << units_text(result.units);
  if (options.cache_dir) std::cerr << " (" << result.from_cache << " from the cache)";
  if (command == "check" && result.jobs == 0)
    std::cerr << ", extraction " << result.extract_seconds << " s (nothing parsed)";
  else if (command == "check")
    std::cerr << ", extraction " << result.extract_seconds << " s on " << result.jobs
              << (result.jobs == 1 ? " thread" : " threads");
  std::cerr << ", link " << result.link_seconds << " s" << (result.link_from_cache ? " (from the cache)" : "") << "\n";
}

// Standard error: what the report does not say on its own. A clean run says so ("no findings in
// 3 translation units"), so an empty report is not mistaken for a run that did nothing.
void write_summary(const std::string& command, const driver::CheckOptions& options, const report::CiOptions& ci,
                   const report::CiOutcome& ci_outcome, const driver::CheckResult& result) {
  const std::string prefix = "lockscope " + command + ": ";
  if (options.stats) write_stats(prefix, command, options, result);
  if (options.quiet) return;
  const size_t analyzed = result.units - result.failed;
  if (result.failed > 0 && analyzed == 0)
    std::cerr << prefix << "nothing was analyzed: "
              << (result.units == 1 ? "the translation unit does not compile" : "no translation unit compiles")
              << " (see the errors in the report)\n";
  else if (result.failed > 0)
    std::cerr << prefix << result.failed << " of " << units_text(result.units)
              << " could not be analyzed (see the errors in the report)\n";
  if (analyzed == 0) return;
  std::vector<std::string> parts;
  if (result.report.findings.empty() && ci.baseline)
    parts.push_back("no new findings in " + units_text(analyzed) + " (" + std::to_string(ci_outcome.baselined) +
                    " in the baseline)");
  else if (result.report.findings.empty())
    parts.push_back("no findings in " + units_text(analyzed));
  const driver::NoteSummary notes = driver::summarize_notes(result.report.diagnostics);
  if (notes.no_main) parts.push_back("the program has no main(): only the threads it starts elsewhere were analyzed");
  if (notes.count > 0 && options.format == driver::OutputFormat::Text && !options.show_notes)
    parts.push_back(driver::gave_up_text(notes) + "; --show-notes lists them");
  if (parts.empty()) return;
  std::cerr << prefix;
  for (size_t i = 0; i < parts.size(); ++i) std::cerr << (i ? "; " : "") << parts[i];
  std::cerr << "\n";
}

}  // namespace

int fail(const std::string& command, const std::string& message) {
  std::cerr << "lockscope " << command << ": " << message << "\n";
  return report::kExitError;
}

ReportOutput::~ReportOutput() {
  if (!path_ || kept_) return;
  file_.close();
  std::error_code ec;
  std::filesystem::remove(*path_, ec);
}

bool ReportOutput::open(const std::string& command, const std::optional<std::string>& path) {
  if (!path) return true;
  file_.open(*path);
  if (!file_) {
    fail(command, "cannot write --output " + *path + ": " + std::strerror(errno));
    return false;
  }
  path_ = path;
  return true;
}

std::ostream& ReportOutput::stream() { return path_ ? static_cast<std::ostream&>(file_) : std::cout; }

int finish_report(const std::string& command, const driver::CheckOptions& options, const report::CiOptions& ci,
                  driver::CheckResult& result, ReportOutput& output) {
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
  std::ostream& out = output.stream();
  write_report(out, options, result.report, unused_notes(ci_outcome));
  out.flush();
  if (!out)
    return fail(command, "cannot write the report" + (options.output ? " to " + *options.output : std::string()));
  output.keep();
  write_summary(command, options, ci, ci_outcome, result);
  return report::ci_exit_status(result.report, ci, ci_outcome);
}

}  // namespace lockscope::cli
