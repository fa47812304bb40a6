#pragma once
// The one line a text run prints about the analysis' gave-up notes when they are not listed:
// how many, and which kind of construct most of them are about, so a user can tell "117 calls
// through one function pointer" from "the budgets ran out" without --show-notes.
#include <string>
#include <vector>

#include "report/finding.h"

namespace lockscope::driver {

struct NoteSummary {
  size_t count = 0;          // gave-up notes, the "no main()" note not included
  std::string biggest_kind;  // the kind most of them are ("unresolved call"); empty when none
  size_t biggest = 0;        // how many notes are of that kind
  bool no_main = false;      // the program has no main(): only threads started elsewhere were run
};

NoteSummary summarize_notes(const std::vector<report::Diagnostic>& diagnostics);

// "the analysis gave up on 117 constructs (most: unresolved call, 100)"; empty without notes.
std::string gave_up_text(const NoteSummary& notes);

}  // namespace lockscope::driver
