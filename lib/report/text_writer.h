#pragma once
// Clang-style text, the default output of every lockscope command:
//
//   src/bank.cpp:42:5: warning: lock order inversion between 'a' and 'b' [lockscope-lock-order-inversion]
//   src/bank.cpp:17:5: note: 'a' acquired here while holding 'b' (thread entry: worker)
//
// A note without a known location is printed as `note: message`.
#include <iosfwd>

#include "report/finding.h"

namespace lockscope::report {

void write_text(std::ostream& out, const Finding& finding);
void write_text(std::ostream& out, const Diagnostic& diagnostic);
// Diagnostics, then findings, then a one-line summary ("2 findings (1 lock-order-inversion, 1 data-race)")
// when there is at least one finding.
void write_text(std::ostream& out, const Report& report);

}  // namespace lockscope::report
