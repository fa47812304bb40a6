#pragma once
// For the driver's tests only: a scratch directory with small source files and compile
// databases written by the test, and a fake extraction that records which file it parsed.
#include <fstream>
#include <memory>
#include <string>

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include "facts/facts.h"

namespace lockscope::driver::testing {

class ScratchDir {
 public:
  ScratchDir() {
    llvm::SmallString<128> dir;
    if (llvm::sys::fs::createUniqueDirectory("lockscope-driver-test", dir)) ADD_FAILURE() << "no temp dir";
    path_ = std::string(dir);
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& relative) const { return path_ + "/" + relative; }
  // Writes `text` to `relative`, creating parent folders; returns the absolute path.
  std::string write(const std::string& relative, const std::string& text) const {
    std::string p = file(relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(p));
    std::ofstream(p) << text;
    return p;
  }

 private:
  std::string path_;
};

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
