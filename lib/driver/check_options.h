#pragma once
// The options of `lockscope check`, parsed from its arguments without any global state (so tests
// can parse many command lines in one process, and `lockscope --help` stays cheap).
//
//   lockscope check [-p BUILD_DIR] [--format text|json|sarif] [--output FILE] [-j N] [FILES...] [-- ARGS...]
//
// Parsing never touches the file system: files, databases and the output are validated by the
// code that opens them.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cache/shard.h"

namespace lockscope::driver {

// A command line that cannot be parsed. The message names the offending argument; the caller
// prints it and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class OutputFormat { Text, Json, Sarif };

struct CheckOptions {
  std::optional<std::string> build_dir;                 // -p: where compile_commands.json is
  std::optional<std::vector<std::string>> fixed_args;   // after `--`: one command line for every file
  std::vector<std::string> files;                       // FILES; empty = every database entry
  OutputFormat format = OutputFormat::Text;
  std::optional<std::string> output;                    // --output; stdout when absent
  unsigned jobs = 0;                                    // -j; 0 = one per core
  std::optional<std::string> resource_dir;              // --resource-dir
  bool quiet = false;                                   // no summary lines
  bool show_notes = false;                              // text: list every gave-up note, not a count
  bool stats = false;                                   // time each phase, on stderr
  bool lock_order = true;                               // --no-lock-order clears
  bool races = true;                                    // --no-races clears
  bool help = false;                                    // --help: print check_help() and stop
  // Scale (issue 7, driver/scale.h)
  std::optional<std::string> cache_dir;                 // --cache-dir: reuse facts of unchanged units
  std::optional<cache::Shard> shard;                    // --shard I/N: extract only this part
  std::optional<std::string> facts_out;                 // --facts-out: write unit records, do not link
};

// Throws UsageError for unknown options, missing or bad values (-j 0, -j x), contradictions
// (-p together with `--`, both analyses disabled), a fixed database without FILES, and --shard
// without --facts-out (a shard alone would report on part of the program).
CheckOptions parse_check_args(const std::vector<std::string>& args);

// The text of `lockscope check --help`.
const char* check_help();

}  // namespace lockscope::driver
