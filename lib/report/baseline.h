#pragma once
// Baselines: adopt lockscope on a codebase with known findings and fail CI only on new ones.
//
//   lockscope check -p build --write-baseline lockscope-baseline.json   # today's findings
//   lockscope check -p build --baseline lockscope-baseline.json         # only what is new
//
// A baseline holds fingerprints (fingerprint.h), never line numbers, so a finding survives code
// moving above it; a new cycle or race has a new fingerprint. Matching is by count: when the
// baseline holds a fingerprint once and the report has it twice, one of the two is new.
//
// File format (JSON, reviewed in pull requests, so each entry says what it is):
//   {"tool": "lockscope-baseline", "format": 1,
//    "findings": [{"fingerprint": "0123456789abcdef", "kind": "...", "function": "...",
//                  "file": "...", "message": "..."}]}
// Only "fingerprint" is used for matching; the rest is for the reader.
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/finding.h"

namespace lockscope::report {

class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BaselineEntry {
  std::string fingerprint;
  std::string kind;
  std::string function;
  std::string file;
  std::string message;
  friend bool operator==(const BaselineEntry&, const BaselineEntry&) = default;
};

struct Baseline {
  std::vector<BaselineEntry> entries;
};

Baseline make_baseline(const std::vector<Finding>& findings);
void write_baseline(std::ostream& out, const Baseline& baseline);
void write_baseline_file(const std::string& path, const Baseline& baseline);  // throws BaselineError
// Throws BaselineError "PATH: problem" for an unreadable file, invalid JSON or a wrong shape.
Baseline read_baseline(std::istream& in, const std::string& origin);
Baseline load_baseline(const std::string& path);

// The findings not covered by the baseline, in their original order.
std::vector<Finding> new_findings(const std::vector<Finding>& findings, const Baseline& baseline);

}  // namespace lockscope::report
