#include "report/finding.h"

#include <algorithm>
#include <tuple>

namespace lockscope::report {

void canonicalize(std::vector<Finding>& findings) {
  auto key = [](const Finding& f) { return std::tie(f.location, f.kind, f.message, f.function); };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
}

}  // namespace lockscope::report
