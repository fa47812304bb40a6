#pragma once
// The CI options of `lockscope check` and what they do to a finished report:
//
//   --baseline FILE               report only findings that FILE does not hold (baseline.h)
//   --write-baseline FILE         record today's findings in FILE (exit 0 unless an error)
//   --report-unused-suppressions  list `lockscope-ignore[...]` comments that silence nothing (exit 1)
//
// Inline suppressions (suppressions.h) always apply. Order: suppressions, then the baseline is
// written (so it holds what a reader would see), then the baseline filters. The command takes
// these options out of its arguments before its own parser sees the rest.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/finding.h"
#include "report/suppressions.h"

namespace lockscope::report {

class CiUsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CiOptions {
  std::optional<std::string> baseline;
  std::optional<std::string> write_baseline;
  bool report_unused_suppressions = false;
};

// Removes the options above (also as --opt=VALUE) from `args`, up to a `--`, and returns them.
// Throws CiUsageError for a missing value or a repeated option.
CiOptions take_ci_options(std::vector<std::string>& args);

// The lines `lockscope check --help` adds for these options.
const char* ci_options_help();

struct CiOutcome {
  size_t suppressed = 0;              // findings silenced by inline comments
  size_t baselined = 0;               // findings the baseline already held
  size_t baseline_written = 0;        // entries written with --write-baseline
  std::vector<Suppression> unused;    // filled with --report-unused-suppressions
};

// Applies suppressions and the baseline to report.findings in place, and writes the baseline.
// `sources` are the analyzed files (for unused suppressions in files without findings),
// `directories` their compile directories (where relative file names in findings are found).
// Throws SuppressionError or BaselineError, whose messages name the file (exit 2).
CiOutcome apply_ci_options(Report& report, const CiOptions& options, const std::vector<std::string>& sources,
                           const std::vector<std::string>& directories = {});

// The exit status after apply_ci_options: 2 with an error diagnostic; 0 after --write-baseline
// alone; else 1 when findings remain or unused suppressions were asked for and found; else 0.
int ci_exit_status(const Report& report, const CiOptions& options, const CiOutcome& outcome);

}  // namespace lockscope::report
