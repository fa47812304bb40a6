#include "extract/libc_effects.h"

#include <gtest/gtest.h>

namespace lockscope::extract {
namespace {

TEST(LibcEffects, LibraryCallsWriteTheirDestinationAndReadTheirSource) {
  ASSERT_TRUE(memory_effect("memcpy"));
  EXPECT_EQ(memory_effect("memcpy")->dest, 0);
  EXPECT_EQ(memory_effect("memcpy")->source, 1);
  ASSERT_TRUE(memory_effect("memset"));
  EXPECT_EQ(memory_effect("memset")->source, -1);
  EXPECT_TRUE(memory_effect("strcat"));
  EXPECT_TRUE(memory_effect("free"));
  EXPECT_TRUE(memory_effect("realloc"));
  EXPECT_FALSE(memory_effect("strlen"));  // reads only
  EXPECT_FALSE(memory_effect("memcmp"));
  EXPECT_FALSE(memory_effect("std::memcpy"));  // names are C names, unqualified
}

TEST(LibcEffects, NonReentrantFunctionsNameTheStateTheyShare) {
  ASSERT_TRUE(thread_unsafe_call("localtime") && thread_unsafe_call("gmtime"));
  EXPECT_EQ(thread_unsafe_call("localtime")->state, thread_unsafe_call("gmtime")->state);
  EXPECT_EQ(thread_unsafe_call("ctime")->state, thread_unsafe_call("localtime")->state);
  EXPECT_NE(thread_unsafe_call("strtok")->state, thread_unsafe_call("rand")->state);
  EXPECT_FALSE(thread_unsafe_call("getenv")->writes);  // a read beside setenv's write
  EXPECT_TRUE(thread_unsafe_call("setenv")->writes);
  EXPECT_EQ(thread_unsafe_call("getenv")->state, thread_unsafe_call("setenv")->state);
  EXPECT_EQ(thread_unsafe_call("readdir")->stream_arg, 0);  // one stream, not every stream
  EXPECT_EQ(thread_unsafe_call("strtok")->stream_arg, -1);
  EXPECT_FALSE(thread_unsafe_call("strtok_r"));
  EXPECT_FALSE(thread_unsafe_call("localtime_r"));
  EXPECT_FALSE(thread_unsafe_call("rand_r"));
  EXPECT_FALSE(thread_unsafe_call("readdir_r"));
}

}  // namespace
}  // namespace lockscope::extract
