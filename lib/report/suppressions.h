#pragma once
// Inline suppressions, written where the finding is reported:
//
//   counter += 1;  // lockscope-ignore[data-race]
//
//   // lockscope-ignore[lock-order-inversion, double-lock]   (the line before works too)
//   std::lock_guard<std::mutex> lb(b);
//
// A suppression silences findings of the listed kinds whose primary location is on the comment's
// line or on the line after it. It must sit in a `//` or `/* */` comment that starts on that line.
// A malformed one (no `[`, no `]`, an empty list, an unknown kind) is an input error, not a
// silent no-op: a typo must not quietly keep a finding visible or hidden.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"

namespace lockscope::report {

class SuppressionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;  // "file:line:col: problem"
};

struct Suppression {
  Location location;  // where `lockscope-ignore` is written
  std::string kind;
  friend bool operator==(const Suppression&, const Suppression&) = default;
};

// Every suppression in one file's text, one per listed kind. Throws SuppressionError.
std::vector<Suppression> parse_suppressions(std::string_view text, const std::string& file);

struct SuppressionOutcome {
  std::vector<Finding> kept;
  std::vector<Finding> suppressed;
  std::vector<Suppression> unused;  // in file and line order
};

// Reads the file of every finding's primary location and every file in `more_files` (give the
// analyzed sources so unused suppressions in clean files are found too). A relative path that does
// not exist from the working directory is looked up in `search_dirs` (the compile commands'
// directories: findings name files as the compiler was given them). A file that cannot be read
// contributes no suppressions. Throws SuppressionError for a malformed suppression.
SuppressionOutcome apply_inline_suppressions(const std::vector<Finding>& findings,
                                             const std::vector<std::string>& more_files = {},
                                             const std::vector<std::string>& search_dirs = {});

}  // namespace lockscope::report
