#pragma once
// Fact extraction from one translation unit with Clang. Kept free of Clang headers so the driver
// and tests that include it compile fast; the Clang side lives in extract.cpp and friends.
//
// OWNER: the static-core work (issue 4).
#include <memory>

#include "facts/facts.h"

namespace clang {
class FrontendAction;
}

namespace lockscope::extract {

// A FrontendAction that fills `out` with the facts of the unit it runs on. `out` must outlive it.
std::unique_ptr<clang::FrontendAction> make_extract_action(facts::TranslationUnitFacts& out);

}  // namespace lockscope::extract
