#pragma once
// The C interface the shim exports for test frameworks (runtime/gtest/) and tools. Declared weak
// by callers so a binary also runs without the shim.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Builds any pending findings, then copies the text of those recorded since *cursor into buf
// (NUL-terminated, truncated to size) and advances *cursor. Returns how many there were.
size_t lockscope_rt_poll(size_t* cursor, char* buf, size_t size);
// A label noted on every finding reported from now on ("test Suite.Name"); NULL or "" clears it.
void lockscope_rt_set_context(const char* context);

#ifdef __cplusplus
}
#endif
