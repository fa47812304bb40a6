#pragma once
// Fact extraction from one translation unit with Clang. Kept free of Clang headers so the driver
// and tests that include it compile fast; the Clang side lives in extract.cpp.
//
// What is extracted, per function defined outside system headers (including lambdas' operator()
// and template instantiations): its CFG as blocks of lock / call / spawn / access events (see
// facts.h). The standard and C locking primitives are named by vocabulary.h; nothing else is.
//
// OWNER: the static-core work (issue 4).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facts/facts.h"

namespace clang {
class FrontendAction;
}

namespace lockscope::extract {

// A FrontendAction that fills `out` with the facts of the unit it runs on. `out` must outlive it.
std::unique_ptr<clang::FrontendAction> make_extract_action(facts::TranslationUnitFacts& out);

// Extracts facts from source text (tests, tools that hold code in memory). `args` are compiler
// arguments without the file name; `headers` maps extra virtual file names to contents.
// Returns false when the code did not compile; `out` then holds what could be extracted.
bool extract_code(const std::string& code, const std::string& file_name, const std::vector<std::string>& args,
                  facts::TranslationUnitFacts& out, const std::map<std::string, std::string>& headers = {});

}  // namespace lockscope::extract
