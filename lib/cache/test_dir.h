#pragma once
// For the tests of lib/cache and lib/driver: a scratch directory removed when the test ends.
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace lockscope::cache::testing {

class TestDir {
 public:
  TestDir() {
    llvm::SmallString<128> dir;
    if (llvm::sys::fs::createUniqueDirectory("lockscope-cache-test", dir)) ADD_FAILURE() << "no temp dir";
    path_ = std::string(dir);
  }
  ~TestDir() { llvm::sys::fs::remove_directories(path_); }
  TestDir(const TestDir&) = delete;
  TestDir& operator=(const TestDir&) = delete;

  std::string file(const std::string& relative) const { return path_ + "/" + relative; }
  std::string write(const std::string& relative, const std::string& text) const {
    const std::string p = file(relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(p));
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace lockscope::cache::testing
