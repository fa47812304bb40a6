#pragma once
// Formats the detector's raw findings (ids and raw stacks) as report::Findings: symbolizes every
// stack in one batch, names locks (a global's symbol, else its address and where it was first
// taken), names threads, and picks the primary location by the rules of testdata/README.md:
// the first USER frame of a stack (not in the shim, not in system headers or libraries), and for
// a cycle / a hang the site that comes last in source order.
#include <string>
#include <vector>

#include "detector.h"
#include "report/finding.h"
#include "symbolizer.h"

namespace lockscope::rt {

struct Suppression {
  std::string kind;     // "*" for any
  std::string pattern;  // substring of a function, file or lock name
};
// Reads `kind:pattern` lines ('#' comments, blank lines); returns false with `error` set on a bad line.
bool parse_suppressions(const std::string& text, std::vector<Suppression>& out, std::string& error);

class ReportBuilder {
 public:
  ReportBuilder(Detector& d, Symbolizer& sym, unsigned depth, const std::vector<Suppression>& sup)
      : d_(d), sym_(sym), depth_(depth), sup_(sup) {}
  std::vector<report::Finding> build(const std::vector<RawFinding>& raw);

 private:
  struct Resolved;
  Detector& d_;
  Symbolizer& sym_;
  unsigned depth_;
  const std::vector<Suppression>& sup_;
};

// True for frames users do not write: the shim, system headers (std::lock_guard's inside) and
// system libraries.
bool is_system_frame(const Frame& f);

}  // namespace lockscope::rt
