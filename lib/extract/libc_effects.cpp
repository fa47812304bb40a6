#include "extract/libc_effects.h"

#include <array>
#include <utility>

namespace lockscope::extract {

std::optional<MemoryEffect> memory_effect(std::string_view f) {
  static constexpr std::array<std::pair<std::string_view, MemoryEffect>, 17> table = {{
      {"memset", {0, -1}},  {"bzero", {0, -1}},   {"explicit_bzero", {0, -1}}, {"memcpy", {0, 1}},
      {"memmove", {0, 1}},  {"mempcpy", {0, 1}},  {"memccpy", {0, 1}},         {"strcpy", {0, 1}},
      {"strncpy", {0, 1}},  {"stpcpy", {0, 1}},   {"stpncpy", {0, 1}},         {"strcat", {0, 1}},
      {"strncat", {0, 1}},  {"wmemset", {0, -1}}, {"wmemcpy", {0, 1}},         {"free", {0, -1}},
      {"realloc", {0, -1}},
  }};
  for (const auto& [name, effect] : table)
    if (f == name) return effect;
  return std::nullopt;
}

std::optional<UnsafeCall> thread_unsafe_call(std::string_view f) {
  static constexpr std::array<std::pair<std::string_view, UnsafeCall>, 22> table = {{
      {"strtok", {"strtok"}},
      {"localtime", {"time buffers"}},
      {"gmtime", {"time buffers"}},
      {"ctime", {"time buffers"}},
      {"asctime", {"time buffers"}},
      {"rand", {"rand seed"}},
      {"srand", {"rand seed"}},
      {"random", {"random state"}},
      {"srandom", {"random state"}},
      {"drand48", {"rand48 state"}},
      {"lrand48", {"rand48 state"}},
      {"mrand48", {"rand48 state"}},
      {"srand48", {"rand48 state"}},
      {"getenv", {"environment", false}},
      {"setenv", {"environment"}},
      {"unsetenv", {"environment"}},
      {"putenv", {"environment"}},
      {"clearenv", {"environment"}},
      {"readdir", {"directory stream", true, 0}},
      {"strerror", {"strerror buffer"}},
      {"strsignal", {"strsignal buffer"}},
      {"gethostbyname", {"netdb buffers"}},
  }};
  for (const auto& [name, call] : table)
    if (f == name) return call;
  return std::nullopt;
}

}  // namespace lockscope::extract
