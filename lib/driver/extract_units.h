#pragma once
// Runs fact extraction over many translation units on a pool of threads: one ClangTool and one
// FrontendAction per unit, each with its own file system view (so no thread changes the
// process's working directory) and its own diagnostics. A unit that does not compile, whose
// extraction fails or crashes, yields one error naming it, and the other units go on.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "driver/compile_db.h"
#include "facts/facts.h"
#include "report/finding.h"

namespace clang {
class FrontendAction;
}

namespace lockscope::driver {

// Makes the action that fills one unit's facts (extract::make_extract_action in the tool, a
// fake in tests). Called from several threads at once. A plain function pointer, so callers need
// not see clang::FrontendAction's definition (a std::function would instantiate its destructor).
using ActionMaker = std::unique_ptr<clang::FrontendAction> (*)(facts::TranslationUnitFacts&);

struct ExtractOptions {
  unsigned jobs = 1;         // threads; never more than there are units
  std::string resource_dir;  // added to commands that name none (resource_dir.h)
  bool progress = false;     // "translation unit i of N" on stderr when it is a terminal (progress.h)
};

struct UnitOutcome {
  facts::TranslationUnitFacts facts;        // empty when `error` is set: a half-parsed unit misleads
  std::optional<report::Diagnostic> error;  // why the unit was not analyzed
};

// One outcome per unit, in the order of `units`, whatever order the threads finished in.
std::vector<UnitOutcome> extract_units(const std::vector<Unit>& units, ActionMaker make_action,
                                       const ExtractOptions& options);

}  // namespace lockscope::driver
