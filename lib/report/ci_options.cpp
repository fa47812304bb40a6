#include "report/ci_options.h"

#include <algorithm>

#include "report/baseline.h"

namespace lockscope::report {

CiOptions take_ci_options(std::vector<std::string>& args) {
  CiOptions options;
  std::vector<std::string> rest;
  auto take_value = [&](size_t& i, const std::string& name, std::optional<std::string>& into) {
    const std::string& a = args[i];
    if (into) throw CiUsageError(name + " given twice");
    if (a.size() > name.size() && a[name.size()] == '=') {
      into = a.substr(name.size() + 1);
    } else if (i + 1 < args.size() && args[i + 1] != "--") {
      into = args[++i];
    } else {
      throw CiUsageError(name + " needs a file name");
    }
    if (into->empty()) throw CiUsageError(name + " needs a file name");
  };
  auto is = [](const std::string& a, const std::string& name) {
    return a == name || (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0);
  };
  size_t i = 0;
  for (; i < args.size() && args[i] != "--"; ++i) {
    const std::string& a = args[i];
    if (is(a, "--baseline")) {
      take_value(i, "--baseline", options.baseline);
    } else if (is(a, "--write-baseline")) {
      take_value(i, "--write-baseline", options.write_baseline);
    } else if (a == "--report-unused-suppressions") {
      options.report_unused_suppressions = true;
    } else {
      rest.push_back(a);
    }
  }
  rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  args = std::move(rest);
  return options;
}

const char* ci_options_help() {
  return "CI options:\n"
         "  --baseline FILE       report only findings FILE does not hold (exit 0 when nothing is new)\n"
         "  --write-baseline FILE record the current findings in FILE and exit 0\n"
         "  --report-unused-suppressions\n"
         "                        list lockscope-ignore[...] comments that silence nothing (exit 1)\n"
         "  Inline: `// lockscope-ignore[<kind>]` on the reported line or the line before silences it.\n";
}

CiOutcome apply_ci_options(Report& report, const CiOptions& options, const std::vector<std::string>& sources,
                           const std::vector<std::string>& directories) {
  CiOutcome outcome;
  // Load the baseline first: a malformed one should fail before anything is written.
  std::optional<Baseline> baseline;
  if (options.baseline) baseline = load_baseline(*options.baseline);

  SuppressionOutcome s = apply_inline_suppressions(
      report.findings, options.report_unused_suppressions ? sources : std::vector<std::string>{}, directories);
  outcome.suppressed = s.suppressed.size();
  report.findings = std::move(s.kept);
  if (options.report_unused_suppressions) outcome.unused = std::move(s.unused);

  if (options.write_baseline) {
    Baseline written = make_baseline(report.findings);
    write_baseline_file(*options.write_baseline, written);
    outcome.baseline_written = written.entries.size();
  }
  if (baseline) {
    std::vector<Finding> fresh = new_findings(report.findings, *baseline);
    outcome.baselined = report.findings.size() - fresh.size();
    report.findings = std::move(fresh);
  }
  return outcome;
}

int ci_exit_status(const Report& report, const CiOptions& options, const CiOutcome& outcome) {
  bool error = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                           [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
  if (error) return kExitError;
  if (options.write_baseline && !options.baseline) return kExitClean;
  if (!report.findings.empty() || !outcome.unused.empty()) return kExitFindings;
  return kExitClean;
}

}  // namespace lockscope::report
