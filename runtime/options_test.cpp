#include "options.h"

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(Options, DefaultsAndOverrides) {
  Options o;
  EXPECT_FALSE(parse_options("", o));
  EXPECT_EQ(o.exitcode, 66);
  EXPECT_FALSE(parse_options("exitcode=3:halt_on_first_report=1:hang_timeout_ms=500:stack_depth=4", o));
  EXPECT_EQ(o.exitcode, 3);
  EXPECT_TRUE(o.halt_on_first_report);
  EXPECT_EQ(o.hang_timeout_ms, 500u);
  EXPECT_EQ(o.stack_depth, 4u);
  EXPECT_FALSE(o.concurrent_cycles_only);
  EXPECT_FALSE(parse_options("concurrent_cycles_only=1", o));
  EXPECT_TRUE(o.concurrent_cycles_only);
  EXPECT_TRUE(parse_options("concurrent_cycles_only=2", o));
}

TEST(Options, UnknownKeyIsNamed) {
  Options o;
  auto err = parse_options("exitcode=1:bogus=2", o);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("bogus"), std::string::npos);
}

TEST(Options, MalformedValuesAreRejected) {
  Options o;
  EXPECT_TRUE(parse_options("exitcode=abc", o));
  EXPECT_TRUE(parse_options("exitcode=300", o));
  EXPECT_TRUE(parse_options("stack_depth=0", o));
  EXPECT_TRUE(parse_options("halt_on_first_report=yes", o));
  EXPECT_TRUE(parse_options("exitcode", o));
}

}  // namespace
}  // namespace lockscope::rt
