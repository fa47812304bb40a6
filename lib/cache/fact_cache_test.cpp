#include "cache/fact_cache.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>

#include "cache/test_dir.h"

namespace lockscope::cache {
namespace {

using Clock = std::chrono::system_clock;

// A unit a.cpp that read a.h (by a name relative to its compile directory, as clang records it).
class Cache : public ::testing::Test {
 protected:
  Cache() {
    dir.write("src/a.cpp", "#include \"a.h\"\nint a;\n");
    dir.write("src/a.h", "int h;\n");
    unit = {dir.file("src/a.cpp"), dir.file("src"), {"clang++", "-c", "a.cpp"}};
    facts.main_file = "a.cpp";
    facts.files_read = {"a.cpp", "a.h"};
    facts::Function f;
    f.usr = "c:@F@f#";
    f.blocks.resize(1);
    facts.functions.push_back(f);
  }
  // Stores as if the parse had started after the test wrote the files.
  void store() { cache.store(unit, facts, after_writes(), warnings); }
  static Clock::time_point after_writes() { return Clock::now() + std::chrono::minutes(1); }

  testing::TestDir dir;
  FactCache cache{dir.file("cache")};
  UnitCommand unit;
  facts::TranslationUnitFacts facts;
  std::vector<std::string> warnings;
};

TEST_F(Cache, MissThenHit) {
  EXPECT_FALSE(cache.load(unit, warnings));
  store();
  const auto hit = cache.load(unit, warnings);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->functions.size(), 1u);
  EXPECT_EQ(hit->files_read, facts.files_read);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(Cache, HeaderChangeInvalidatesWithoutWarning) {
  store();
  dir.write("src/a.h", "int h2;\n");
  EXPECT_FALSE(cache.load(unit, warnings));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(Cache, MainFileChangeInvalidates) {
  facts.files_read = {};  // even if extraction forgot it, the main file is always hashed
  store();
  dir.write("src/a.cpp", "int a2;\n");
  EXPECT_FALSE(cache.load(unit, warnings));
}

TEST_F(Cache, DeletedHeaderInvalidates) {
  store();
  llvm::sys::fs::remove(dir.file("src/a.h"));
  EXPECT_FALSE(cache.load(unit, warnings));
}

TEST_F(Cache, OtherCommandMisses) {
  store();
  UnitCommand other = unit;
  other.command.push_back("-DNDEBUG");
  EXPECT_FALSE(cache.load(other, warnings));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(Cache, CorruptEntryIgnoredWithWarning) {
  store();
  dir.write("cache/" + unit_key(unit) + ".json", "{\"command\": [tru");
  EXPECT_FALSE(cache.load(unit, warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(cache.entry_path(unit)), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("malformed"), std::string::npos) << warnings[0];
}

TEST_F(Cache, ForeignEntryIgnoredWithWarning) {
  // Another unit's entry under this unit's key (a copied cache, a hash collision) is not trusted.
  UnitCommand other = unit;
  other.command.push_back("-DOTHER");
  cache.store(other, facts, after_writes(), warnings);
  llvm::sys::fs::rename(cache.entry_path(other), cache.entry_path(unit));
  EXPECT_FALSE(cache.load(unit, warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("another command"), std::string::npos) << warnings[0];
}

TEST_F(Cache, BadFactsIgnoredWithWarning) {
  store();
  dir.write("cache/" + unit_key(unit) + ".json",
            R"({"command": {"file": ")" + unit.file + R"(", "directory": ")" + unit.directory +
                R"(", "command": ["clang++", "-c", "a.cpp"]}, "files": [], "facts": {"lockscope_facts": 99}})");
  EXPECT_FALSE(cache.load(unit, warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("malformed facts"), std::string::npos) << warnings[0];
}

TEST_F(Cache, FileModifiedDuringTheParseIsNotCached) {
  cache.store(unit, facts, Clock::now() - std::chrono::minutes(1), warnings);
  EXPECT_FALSE(llvm::sys::fs::exists(cache.entry_path(unit)));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(Cache, UnreadableInputOrUnwritableDirectoryWarns) {
  facts.files_read.push_back("gone.h");
  store();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("gone.h"), std::string::npos) << warnings[0];

  facts.files_read.pop_back();
  const std::string blocker = dir.write("file-not-dir", "");
  FactCache unusable(blocker + "/cache");
  warnings.clear();
  unusable.store(unit, facts, after_writes(), warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("not caching"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace lockscope::cache
