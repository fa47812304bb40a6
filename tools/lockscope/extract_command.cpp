// `lockscope-extract COMPILER ARGS...` (or `lockscope extract [--] COMPILER ARGS...`): a compiler
// launcher (CMAKE_<LANG>_COMPILER_LAUNCHER) that writes the unit's facts next to its object
// (`foo.o` -> `foo.o.lockscope.json`) and then runs the real compiler, so the facts come out of
// the normal build (local, ccache, distributed) and `lockscope link BUILD_DIR` reports on them.
//
// The build must never break because of lockscope: extraction runs in a child process (a crash
// there is a warning and an error record, not a failed compile), and this process then becomes
// the compiler (exec), so the build sees exactly the compiler's status and output.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cache/compiler_command.h"
#include "cache/unit_record.h"
#include "commands.h"
#include "driver/compile_db.h"
#include "driver/extract_units.h"
#include "driver/resource_dir.h"
#include "driver/scale.h"
#include "extract/extract.h"

namespace lockscope::cli {

namespace {

constexpr const char* kExtractHelp = R"(usage: lockscope-extract COMPILER ARGS...
       lockscope extract [--] COMPILER ARGS...

A compiler launcher: for a command compiling one C/C++ file to an object, writes that unit's facts
to OBJECT.lockscope.json, then runs the command unchanged and exits with its status. Any other
command (links, preprocessing, assembler files) is only run. When extraction fails the compile
still runs; a warning is printed and the record holds the error, so `lockscope link` reports the
unit as not analyzed instead of silently missing it.

  cmake -DCMAKE_CXX_COMPILER_LAUNCHER=lockscope-extract -DCMAKE_C_COMPILER_LAUNCHER=lockscope-extract ...
  cmake --build build && lockscope link build

Environment: LOCKSCOPE_CACHE_DIR=DIR reuses the facts of units whose command and files are
unchanged, like `lockscope check --cache-dir DIR` (and shares DIR with it).
)";

void warn(const std::string& message) { std::cerr << "lockscope-extract: warning: " << message << "\n"; }

// Runs in the child: extracts and writes the record (with the error when the unit failed).
// Exit status 0 written, 1 written with an error, 2 nothing written.
int extract_to(const driver::Unit& unit, const std::string& record_path) {
  driver::ExtractOptions options;
  options.resource_dir = driver::default_resource_dir();
  std::vector<driver::UnitOutcome> outcome;
  // With a fact cache, a rebuild that ccache serves from its own cache does not parse either.
  const char* cache_dir = std::getenv("LOCKSCOPE_CACHE_DIR");
  if (cache_dir != nullptr && *cache_dir != '\0') {
    driver::CachedExtraction cached = driver::extract_with_cache({unit}, extract::make_extract_action, options, cache_dir);
    for (const std::string& w : cached.warnings) warn(w);
    outcome = std::move(cached.outcomes);
  } else {
    outcome = driver::extract_units({unit}, extract::make_extract_action, options);
  }
  try {
    cache::write_record(record_path, {unit.file, unit.directory, outcome[0].facts, outcome[0].error});
  } catch (const std::exception& e) {
    warn(e.what());
    return 2;
  }
  if (outcome[0].error) warn(outcome[0].error->message);
  return outcome[0].error ? 1 : 0;
}

// Extraction isolated in a child process; whatever happens there, the caller compiles next.
void extract_isolated(const driver::Unit& unit, const std::string& record_path) {
  std::error_code ec;
  std::filesystem::remove(record_path, ec);  // a stale record would outlive a failed extraction
  std::cout.flush();
  std::cerr.flush();
  const pid_t child = fork();
  if (child < 0) return warn(std::string("cannot start the extraction: ") + std::strerror(errno));
  if (child == 0) _exit(extract_to(unit, record_path));
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 2) return;
  const std::string why = WIFSIGNALED(status) ? "the extraction crashed (signal " + std::to_string(WTERMSIG(status)) +
                                                    "; please report this with the file)"
                                              : "the extraction failed";
  warn(unit.file + ": " + why);
  try {
    report::Diagnostic error{report::Diagnostic::Severity::Error, {}, "cannot analyze " + unit.file + ": " + why};
    cache::write_record(record_path, {unit.file, unit.directory, {}, error});
  } catch (const std::exception& e) {
    warn(e.what());
  }
}

// `lockscope-extract ccache clang++ ...`: the compiler, for extraction, is the one the wrapper runs.
std::vector<std::string> without_wrapper(std::vector<std::string> command) {
  static const std::vector<std::string> kWrappers = {"ccache", "sccache", "distcc", "icecc"};
  const std::string name = std::filesystem::path(command.front()).filename().string();
  if (command.size() > 1 && std::find(kWrappers.begin(), kWrappers.end(), name) != kWrappers.end())
    command.erase(command.begin());
  return command;
}

}  // namespace

int extract_main(const Args& arguments) {
  Args command = arguments;
  if (!command.empty() && command.front() == "--") command.erase(command.begin());
  if (command.empty()) {
    std::cerr << kExtractHelp;
    return report::kExitError;
  }
  if (command.front() == "--help" || command.front() == "-h") {
    std::cout << kExtractHelp;
    return report::kExitClean;
  }
  try {
    const std::vector<std::string> compiler = without_wrapper(command);
    if (const auto job = cache::compile_job(compiler)) {
      std::error_code ec;
      const std::filesystem::path cwd = std::filesystem::current_path(ec);
      if (ec) {
        warn("cannot read the working directory (" + ec.message() + "); no facts");
      } else {
        const std::filesystem::path source = (cwd / job->source).lexically_normal();
        const std::filesystem::path object = (cwd / job->object).lexically_normal();
        extract_isolated({source.string(), cwd.string(), compiler}, object.string() + cache::kRecordSuffix);
      }
    }
  } catch (const std::exception& e) {
    warn(std::string("no facts: ") + e.what());  // and compile all the same
  }
  std::vector<char*> argv;
  for (std::string& a : command) argv.push_back(a.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  std::cerr << "lockscope-extract: cannot run " << command.front() << ": " << std::strerror(errno) << "\n";
  return 127;  // as a shell reports a command it cannot run
}

}  // namespace lockscope::cli
