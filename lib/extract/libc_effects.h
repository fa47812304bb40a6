#pragma once
// What C library calls do to memory the caller names (issue 14): library calls that write their
// destination (memset, memcpy, strcpy, free, ...) and non-reentrant functions that keep hidden
// state between calls (strtok, localtime, rand, getenv beside setenv, readdir on one stream).
// Recognised by name; Clang-free so it is cheap to test.
#include <optional>
#include <string_view>

namespace lockscope::extract {

// A call that writes the object its `dest` argument points to and, when `source` >= 0, reads the
// one that argument points to. free and realloc count as writes of the block they release.
struct MemoryEffect {
  int dest = 0;
  int source = -1;
};
std::optional<MemoryEffect> memory_effect(std::string_view function);

// A non-reentrant function: `state` names the hidden state it shares with others (localtime,
// gmtime, ctime and asctime share glibc's static buffers; getenv and setenv the environment).
// `writes` is false for a call that only reads that state (getenv). When `stream_arg` >= 0 the
// state belongs to the object that argument points to (readdir(dir): one stream, not all).
struct UnsafeCall {
  std::string_view state;
  bool writes = true;
  int stream_arg = -1;
};
std::optional<UnsafeCall> thread_unsafe_call(std::string_view function);

}  // namespace lockscope::extract
