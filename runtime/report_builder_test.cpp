#include "report_builder.h"

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(ReportBuilder, SystemFramesAreSkipped) {
  EXPECT_TRUE(is_system_frame(Frame{0, "std::mutex::lock()", "/usr/include/c++/12/bits/std_mutex.h", 100, 0, ""}));
  EXPECT_TRUE(is_system_frame(Frame{0, "start_thread", "", 0, 0, "/lib/x86_64-linux-gnu/libc.so.6"}));
  EXPECT_FALSE(is_system_frame(Frame{0, "worker()", "/work/app/main.cpp", 12, 5, "/work/app/a.out"}));
}

TEST(ReportBuilder, Suppressions) {
  std::vector<Suppression> s;
  std::string err;
  EXPECT_TRUE(parse_suppressions("# comment\n\nlock-order-inversion:legacy_\n*:vendor/\n", s, err));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].kind, "lock-order-inversion");
  EXPECT_EQ(s[1].pattern, "vendor/");
  EXPECT_FALSE(parse_suppressions("no-such-kind:x\n", s, err));
  EXPECT_NE(err.find("line 1"), std::string::npos);
}

TEST(ReportBuilder, SymbolizesOwnCodeWithFileAndLine) {
  Symbolizer sym("/usr/lib/llvm-19/bin/llvm-symbolizer");
  auto pc = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
  auto frames = sym.code({pc});
  ASSERT_FALSE(frames[pc].empty());
  EXPECT_FALSE(frames[pc].front().function.empty());
}

int g_global_for_data_symbolization;

TEST(ReportBuilder, NamesGlobals) {
  Symbolizer sym("/usr/lib/llvm-19/bin/llvm-symbolizer");
  auto a = reinterpret_cast<uintptr_t>(&g_global_for_data_symbolization);
  auto names = sym.data({a});
  ASSERT_TRUE(names.count(a));
  EXPECT_NE(names[a].find("g_global_for_data_symbolization"), std::string::npos);
}

}  // namespace
}  // namespace lockscope::rt
