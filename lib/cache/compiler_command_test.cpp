#include "cache/compiler_command.h"

#include <gtest/gtest.h>

namespace lockscope::cache {
namespace {

TEST(CompileJob, CMakeNinjaCommand) {
  const auto job = compile_job({"/usr/bin/clang++-19", "-DFOO", "-I/src/include", "-O2", "-std=gnu++20", "-MD", "-MT",
                                "CMakeFiles/app.dir/a.cpp.o", "-MF", "CMakeFiles/app.dir/a.cpp.o.d", "-o",
                                "CMakeFiles/app.dir/a.cpp.o", "-c", "/src/a.cpp"});
  ASSERT_TRUE(job);
  EXPECT_EQ(job->source, "/src/a.cpp");
  EXPECT_EQ(job->object, "CMakeFiles/app.dir/a.cpp.o");
}

TEST(CompileJob, ObjectDefaultsToTheStemInTheWorkingDirectory) {
  const auto job = compile_job({"cc", "-c", "src/util.c"});
  ASSERT_TRUE(job);
  EXPECT_EQ(job->object, "util.o");
  EXPECT_EQ(compile_job({"cc", "-c", "x.cc", "-ox.o"})->object, "x.o");
}

TEST(CompileJob, ValuesOfOptionsAreNotSources) {
  const auto job = compile_job({"c++", "-include", "pre.cpp", "-c", "a.cpp", "-MF", "dep.cpp"});
  ASSERT_TRUE(job);
  EXPECT_EQ(job->source, "a.cpp");
}

TEST(CompileJob, NotASingleCompile) {
  EXPECT_FALSE(compile_job({"c++", "a.o", "b.o", "-o", "app"}));          // link
  EXPECT_FALSE(compile_job({"c++", "-E", "a.cpp"}));                      // preprocess
  EXPECT_FALSE(compile_job({"c++", "-c", "a.cpp", "-fsyntax-only"}));     // no object
  EXPECT_FALSE(compile_job({"cc", "-c", "start.S", "-o", "start.o"}));    // assembler
  EXPECT_FALSE(compile_job({"c++", "-c", "a.cpp", "b.cpp"}));             // two units
  EXPECT_FALSE(compile_job({"c++", "-x", "cuda", "-c", "k.cpp"}));        // another language
  EXPECT_FALSE(compile_job({"c++"}));
}

}  // namespace
}  // namespace lockscope::cache
