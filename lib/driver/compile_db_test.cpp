#include "driver/compile_db.h"

#include <gtest/gtest.h>

#include "driver/test_support.h"

namespace lockscope::driver {
namespace {

using testing::db_entry;
using testing::ScratchDir;

std::string input_error(const UnitSelection& s) {
  try {
    select_units(s);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

class CompileDb : public ::testing::Test {
 protected:
  void SetUp() override {
    a = dir.write("src/a.cpp", "int a;\n");
    b = dir.write("src/b.c", "int b;\n");
    // Relative "file" entries are resolved against "directory"; the same file twice is one unit.
    dir.write("build/compile_commands.json",
              "[" + db_entry(dir.file("src"), "a.cpp", "-DFIRST") + ", " + db_entry(dir.file("src"), "b.c") + ", " +
                  db_entry(dir.file("src"), a, "-DSECOND") + "]");
  }
  ScratchDir dir;
  std::string a, b;
};

TEST_F(CompileDb, AllEntriesOncePerFile) {
  std::vector<Unit> units = select_units({dir.file("build"), std::nullopt, {}});
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].file, a);
  EXPECT_EQ(units[0].directory, dir.file("src"));
  EXPECT_NE(std::find(units[0].command.begin(), units[0].command.end(), "-DFIRST"), units[0].command.end());
  EXPECT_EQ(units[1].file, b);
}

TEST_F(CompileDb, JsonFileItselfMayBeGiven) {
  EXPECT_EQ(select_units({dir.file("build/compile_commands.json"), std::nullopt, {}}).size(), 2u);
}

TEST_F(CompileDb, OnlyTheGivenFiles) {
  std::vector<Unit> units = select_units({dir.file("build"), std::nullopt, {b}});
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].file, b);
}

TEST_F(CompileDb, FileNotInDatabase) {
  std::string c = dir.write("src/c.cpp", "int c;\n");
  EXPECT_EQ(input_error({dir.file("build"), std::nullopt, {c}}),
            c + " is not in the compile database " + dir.file("build/compile_commands.json"));
}

TEST_F(CompileDb, MissingFile) {
  EXPECT_EQ(input_error({dir.file("build"), std::nullopt, {dir.file("src/nope.cpp")}}),
            "no such file: " + dir.file("src/nope.cpp"));
}

TEST_F(CompileDb, MissingDatabase) {
  EXPECT_EQ(input_error({dir.file("src"), std::nullopt, {}}), "no compile_commands.json in " + dir.file("src"));
  EXPECT_EQ(input_error({dir.file("nowhere"), std::nullopt, {}}),
            "-p " + dir.file("nowhere") + ": no such file or directory");
}

TEST_F(CompileDb, MalformedDatabase) {
  dir.write("bad/compile_commands.json", "[{\"directory\": \"/\", \"file\": ");
  std::string e = input_error({dir.file("bad"), std::nullopt, {}});
  EXPECT_TRUE(e.starts_with("cannot read compile database " + dir.file("bad/compile_commands.json") + ": ")) << e;
  dir.write("noobj/compile_commands.json", "[42]");
  e = input_error({dir.file("noobj"), std::nullopt, {}});
  EXPECT_TRUE(e.starts_with("cannot read compile database " + dir.file("noobj/compile_commands.json") + ": ")) << e;
}

TEST_F(CompileDb, EmptyDatabase) {
  dir.write("empty/compile_commands.json", "[]");
  EXPECT_EQ(input_error({dir.file("empty"), std::nullopt, {}}),
            "compile database " + dir.file("empty/compile_commands.json") + " has no entries");
}

TEST_F(CompileDb, AssemblySourcesOfTheDatabaseAreSkippedAndNamed) {
  std::string s = dir.write("asm/x.S", "ret\n");
  dir.write("asm/y.s", "ret\n");
  dir.write("asm/c.c", "int c;\n");
  dir.write("asm/db/compile_commands.json",
            "[" + db_entry(dir.file("asm"), "x.S") + ", " + db_entry(dir.file("asm"), "c.c") + ", " +
                db_entry(dir.file("asm"), "y.s") + ", " + db_entry(dir.file("asm"), "c.c", "-x assembler-with-cpp") + "]");
  std::vector<std::string> skipped;
  std::vector<Unit> units = select_units({dir.file("asm/db"), std::nullopt, {}}, &skipped);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].file, dir.file("asm/c.c"));
  EXPECT_EQ(skipped, (std::vector<std::string>{s, dir.file("asm/y.s"), dir.file("asm/c.c")}));
}

TEST_F(CompileDb, ADatabaseOfOnlyAssemblyIsNamedAsSuch) {
  dir.write("only/x.S", "ret\n");
  dir.write("only/db/compile_commands.json", "[" + db_entry(dir.file("only"), "x.S") + "]");
  EXPECT_NE(input_error({dir.file("only/db"), std::nullopt, {}}).find("only assembly sources"), std::string::npos);
}

TEST_F(CompileDb, FixedArgumentsForEveryFile) {
  std::vector<Unit> units = select_units({std::nullopt, std::vector<std::string>{"-DFIXED", "-Iinc"}, {a, b}});
  ASSERT_EQ(units.size(), 2u);
  for (const Unit& u : units) {
    EXPECT_NE(std::find(u.command.begin(), u.command.end(), "-DFIXED"), u.command.end());
    EXPECT_EQ(u.command.back(), u.file);
  }
  EXPECT_EQ(units[1].file, b);
}

TEST_F(CompileDb, FindsTheDatabaseInAParentDirectory) {
  std::string nested = dir.write("build/sub/deeper/x.cpp", "int x;\n");
  EXPECT_EQ(find_compile_database(nested), dir.file("build/compile_commands.json"));
  EXPECT_EQ(find_compile_database(a), std::nullopt);  // src/ is beside build/, not below it
  std::string e = input_error({std::nullopt, std::nullopt, {a}});
  EXPECT_EQ(e, "no compile_commands.json found in the parent directories of " + a +
                   "; give -p BUILD_DIR, or compiler arguments after --");
}

TEST_F(CompileDb, DetectedDatabaseIsUsed) {
  // A database next to the sources, as CMake users often symlink or copy it.
  dir.write("src/compile_commands.json", "[" + db_entry(dir.file("src"), "a.cpp") + "]");
  std::vector<Unit> units = select_units({std::nullopt, std::nullopt, {a}});
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].file, a);
  EXPECT_EQ(input_error({std::nullopt, std::nullopt, {b}}),
            b + " is not in the compile database " + dir.file("src/compile_commands.json"));
}

TEST_F(CompileDb, AnEntryWhoseDirectoryDoesNotExistIsTheUsersInput) {
  // Clang would print "LLVM ERROR: Cannot chdir" and the extraction would crash.
  dir.write("gone/db/compile_commands.json", "[" + db_entry(dir.file("gone/moved"), "a.cpp") + "]");
  std::string e = input_error({dir.file("gone/db"), std::nullopt, {}});
  EXPECT_EQ(e, "compile database " + dir.file("gone/db/compile_commands.json") + ": the entry for " +
                   dir.file("gone/moved/a.cpp") + " runs in directory " + dir.file("gone/moved") +
                   ", which does not exist (was the build directory moved or deleted?)");
}

TEST_F(CompileDb, FixedArgumentsNeedACOrCppSource) {
  std::string txt = dir.write("src/notes.txt", "hello\n");
  std::string h = dir.write("src/api.h", "int api(void);\n");
  const std::vector<std::string> args{"-std=c++20"};
  EXPECT_EQ(input_error({std::nullopt, args, {txt}}),
            txt + " is not a C or C++ source file (expected .c, .cc, .cpp or .cxx; or choose the language with "
                  "-x c or -x c++ after --)");
  EXPECT_TRUE(input_error({std::nullopt, args, {h}}).starts_with(h + " is a header: lockscope analyzes translation units"));
  // -x says what the file is.
  EXPECT_EQ(select_units({std::nullopt, std::vector<std::string>{"-x", "c++"}, {h}}).size(), 1u);
}

}  // namespace
}  // namespace lockscope::driver
