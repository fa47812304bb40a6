#pragma once
// For the driver's tests only: a scratch directory with small source files and compile
// databases written by the test, and a fake extraction that records which file it parsed.
#include <memory>
#include <string>

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <gtest/gtest.h>

#include "cache/test_dir.h"
#include "facts/facts.h"

namespace lockscope::driver::testing {

// A scratch directory removed when the test ends (the cache tests' helper).
using ScratchDir = cache::testing::TestDir;

// Parses like the real extraction would, and records only the main file.
class RecordMainFileAction : public clang::SyntaxOnlyAction {
 public:
  explicit RecordMainFileAction(facts::TranslationUnitFacts& out) : out_(out) {}
  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    out_.main_file = std::string(getCurrentFile());
    return clang::SyntaxOnlyAction::BeginSourceFileAction(ci);
  }

 private:
  facts::TranslationUnitFacts& out_;
};

inline std::unique_ptr<clang::FrontendAction> record_main_file(facts::TranslationUnitFacts& out) {
  return std::make_unique<RecordMainFileAction>(out);
}

// A compile_commands.json entry compiling `file` (relative to `dir`) with clang-19.
inline std::string db_entry(const std::string& dir, const std::string& file, const std::string& flags = "") {
  return "{\"directory\": \"" + dir + "\", \"file\": \"" + file + "\", \"command\": \"clang-19 " + flags +
         " -c " + file + "\"}";
}

}  // namespace lockscope::driver::testing
