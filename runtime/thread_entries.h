#pragma once
// The start routine of every thread by its index, kept after the thread exits and its state is
// reused: reports are mostly written at exit, when the threads that made a cycle are long gone.
#include <cstdint>

namespace lockscope::rt {

void remember_thread_entry(uint32_t index, uintptr_t entry_pc);  // at thread start (slow path)
uintptr_t thread_entry(uint32_t index);                          // 0 when unknown

}  // namespace lockscope::rt
