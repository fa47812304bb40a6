#pragma once
// LOCKSCOPE_OPTIONS: sanitizer-style `key=value:key=value`. Every option is documented in
// runtime/README.md. Parsing is strict: an unknown key or a malformed value is an error naming
// it, and the shim stops the program at start (exit 2) rather than run with a setting the user
// did not ask for.
#include <optional>
#include <string>
#include <string_view>

namespace lockscope::rt {

struct Options {
  int exitcode = 66;                 // status when the program succeeded but findings were made
  bool halt_on_first_report = false; // end the process at the first finding
  unsigned hang_timeout_ms = 2000;   // a wait cycle lasting this long is reported as deadlock; 0 = off
  unsigned stack_depth = 10;         // frames kept per stack (1..16)
  std::string suppressions;          // file of `kind:pattern` lines
  std::string symbolizer = "/usr/lib/llvm-19/bin/llvm-symbolizer";  // empty: dladdr names only
  bool print_report = true;          // human report on stderr
  bool concurrent_cycles_only = false;  // report only cycles whose edges ran concurrently in this run
};

// Fills `out` from `text`; returns an error message naming the problem, or nothing on success.
std::optional<std::string> parse_options(std::string_view text, Options& out);

}  // namespace lockscope::rt
