#include "driver/check_options.h"

#include <charconv>

namespace lockscope::driver {

namespace {

// Upper bound for -j: far above any machine we run on, low enough that a typo ("-j 80000")
// is caught instead of starting thousands of threads.
constexpr unsigned kMaxJobs = 1024;

unsigned parse_jobs(const std::string& text) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value == 0 || value > kMaxJobs)
    throw UsageError("-j expects a number of jobs between 1 and " + std::to_string(kMaxJobs) + ", got '" +
                     text + "'");
  return value;
}

OutputFormat parse_format(const std::string& text) {
  if (text == "text") return OutputFormat::Text;
  if (text == "json") return OutputFormat::Json;
  if (text == "sarif") return OutputFormat::Sarif;
  throw UsageError("--format expects text, json or sarif, got '" + text + "'");
}

// Walks the arguments; an option's value may follow it (`-j 4`), be attached (`-j4`, `-pbuild`)
// or follow '=' (`--jobs=4`, `-p=build`), as in clang-tidy and make.
class ArgCursor {
 public:
  explicit ArgCursor(const std::vector<std::string>& args) : args_(args) {}
  bool done() const { return i_ >= args_.size(); }
  const std::string& next() { return args_[i_++]; }
  std::vector<std::string> rest() {
    std::vector<std::string> r(args_.begin() + static_cast<long>(i_), args_.end());
    i_ = args_.size();
    return r;
  }

  // If `arg` is one of `names`, returns its value (consuming the next argument when needed).
  std::optional<std::string> value_of(const std::string& arg, std::initializer_list<const char*> names) {
    for (std::string name : names) {
      if (arg == name) {
        if (done()) throw UsageError("option " + name + " needs a value");
        return next();
      }
      if (arg.starts_with(name + "=")) return arg.substr(name.size() + 1);
      // Attached values only for the one-letter options, so `--output` never swallows `--outputs`.
      if (name.size() == 2 && arg.size() > 2 && arg.starts_with(name)) return arg.substr(2);
    }
    return std::nullopt;
  }

 private:
  const std::vector<std::string>& args_;
  size_t i_ = 0;
};

}  // namespace

CheckOptions parse_check_args(const std::vector<std::string>& args) {
  CheckOptions o;
  ArgCursor cur(args);
  while (!cur.done()) {
    const std::string arg = cur.next();
    if (arg == "--") {
      o.fixed_args = cur.rest();
    } else if (arg == "-h" || arg == "--help") {
      o.help = true;
      return o;  // whatever else is on the line, the user asked for help
    } else if (arg == "-q" || arg == "--quiet") {
      o.quiet = true;
    } else if (arg == "--show-notes") {
      o.show_notes = true;
    } else if (arg == "--stats") {
      o.stats = true;
    } else if (arg == "--no-races") {
      o.races = false;
    } else if (arg == "--no-lock-order") {
      o.lock_order = false;
    } else if (auto v = cur.value_of(arg, {"-p", "--build-dir"})) {
      if (v->empty()) throw UsageError("-p needs a build directory");
      o.build_dir = *v;
    } else if (auto v = cur.value_of(arg, {"-j", "--jobs"})) {
      o.jobs = parse_jobs(*v);
    } else if (auto v = cur.value_of(arg, {"--format"})) {
      o.format = parse_format(*v);
    } else if (auto v = cur.value_of(arg, {"-o", "--output"})) {
      if (v->empty()) throw UsageError("--output needs a file name");
      o.output = *v;
    } else if (auto v = cur.value_of(arg, {"--resource-dir"})) {
      if (v->empty()) throw UsageError("--resource-dir needs a directory");
      o.resource_dir = *v;
    } else if (auto v = cur.value_of(arg, {"--cache-dir"})) {
      if (v->empty()) throw UsageError("--cache-dir needs a directory");
      o.cache_dir = *v;
    } else if (auto v = cur.value_of(arg, {"--facts-out"})) {
      if (v->empty()) throw UsageError("--facts-out needs a directory");
      o.facts_out = *v;
    } else if (auto v = cur.value_of(arg, {"--shard"})) {
      try {
        o.shard = cache::parse_shard(*v);
      } catch (const cache::ShardError& e) {
        throw UsageError(e.what());
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "' (see lockscope check --help)");
    } else {
      o.files.push_back(arg);
    }
  }
  if (o.build_dir && o.fixed_args)
    throw UsageError("-p and '--' both name the compile commands; use one of them");
  if (o.fixed_args && o.files.empty()) throw UsageError("'--' gives compiler arguments but no FILES to analyze");
  if (!o.build_dir && !o.fixed_args && o.files.empty())
    throw UsageError("nothing to analyze: give -p BUILD_DIR, or FILES");
  if (!o.lock_order && !o.races) throw UsageError("--no-lock-order and --no-races leave nothing to analyze");
  if (o.shard && !o.facts_out)
    throw UsageError("--shard needs --facts-out DIR: each shard writes facts, and `lockscope link DIR` reports");
  return o;
}

const char* check_help() {
  return R"(usage: lockscope check [options] [FILES...] [-- COMPILER_ARGS...]

Statically analyzes C and C++ translation units for lock-order inversions, double locks and
data races, across translation units.

Where the compile commands come from:
  -p, --build-dir DIR   read DIR/compile_commands.json (DIR may also be the .json file itself);
                        analyze every entry, or only FILES
  -- COMPILER_ARGS      analyze FILES with these compiler arguments (a fixed database);
                        .c files are compiled as C, .cpp/.cc/.cxx as C++
  (neither)             look for compile_commands.json in the parent directories of the first
                        FILE, like clang-tidy; it is an error when there is none

Output:
  --format text|json|sarif
                        text (default): clang-style warnings with notes;
                        json: the lockscope report model (findings and diagnostics);
                        sarif: SARIF 2.1.0 for code scanning (paths relative to
                        the current directory)
  -o, --output FILE     write the report to FILE instead of standard output
  -q, --quiet           no summary lines
  --show-notes          text: list every note where the analysis gave up on a construct (an
                        unknown call target, a lock it cannot name, a budget); by default
                        only their number is printed. JSON and SARIF always carry them all.
  --stats               print the time of each phase on standard error

Analysis:
  -j, --jobs N          extract translation units on N threads (default: one per core)
  --no-lock-order       skip lock-order-inversion and double-lock
  --no-races            skip data-race
  --resource-dir DIR    clang resource directory for builtin headers (stddef.h, ...); default:
                        next to the lockscope binary if there is one there, else the clang 19
                        lockscope was built with. A -resource-dir in a compile command wins.

Scale (docs/scale.md):
  --cache-dir DIR       keep each unit's facts in DIR; a unit whose command and every file it
                        read are unchanged is not parsed again (corrupt entries are ignored
                        with a warning)
  --shard I/N           extract only the I-th of N parts of the units (1 <= I <= N), for N
                        parallel CI jobs; needs --facts-out
  --facts-out DIR       write each unit's facts to DIR instead of reporting; `lockscope link
                        DIR` reports on the facts of all shards (exit 0, or 2 when a unit could
                        not be analyzed)

Exit status: 0 no findings, 1 findings, 2 errors (bad options or input, or a translation unit
that does not compile: it is named with its first compiler error, and every other unit is still
analyzed and reported).
)";
}

}  // namespace lockscope::driver
