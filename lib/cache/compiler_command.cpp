#include "cache/compiler_command.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace lockscope::cache {

namespace {

// Options whose value is the next argument (so `-MF x.cpp.d` or `-o x.o` is no source).
constexpr std::array<std::string_view, 24> kTakesValue = {
    "-o",       "-MF",     "-MT",        "-MQ",      "-x",         "-include",   "-imacros",     "-isystem",
    "-iquote",  "-idirafter", "-I",      "-D",       "-U",         "-Xclang",    "-arch",        "-target",
    "--param",  "-Xpreprocessor", "-Xassembler", "-Xlinker", "-isysroot", "--sysroot", "-iprefix", "-aux-info"};

constexpr std::array<std::string_view, 9> kSourceExtensions = {".c", ".cc", ".cpp", ".cxx", ".c++",
                                                               ".C", ".CC", ".cp",  ".CPP"};

// Outputs something other than an object from the sources.
constexpr std::array<std::string_view, 5> kNotAnObject = {"-E", "-M", "-MM", "-fsyntax-only", "-S"};

bool is_source(std::string_view arg) {
  if (arg.empty() || arg[0] == '-') return false;
  return std::any_of(kSourceExtensions.begin(), kSourceExtensions.end(),
                     [&](std::string_view ext) { return arg.size() > ext.size() && arg.ends_with(ext); });
}

template <size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view arg) {
  return std::find(set.begin(), set.end(), arg) != set.end();
}

std::string object_for(const std::string& source) {
  const size_t slash = source.find_last_of('/');
  const std::string name = slash == std::string::npos ? source : source.substr(slash + 1);
  return name.substr(0, name.find_last_of('.')) + ".o";
}

}  // namespace

std::optional<CompileJob> compile_job(const std::vector<std::string>& argv) {
  bool compiles = false;
  std::optional<std::string> output;
  std::vector<std::string> sources;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "-c") {
      compiles = true;
    } else if (contains(kNotAnObject, arg) || arg == "-x" || arg.starts_with("-x")) {
      return std::nullopt;  // -x: the language is not what the file name says
    } else if (arg == "-o" && i + 1 < argv.size()) {
      output = argv[++i];
    } else if (arg.starts_with("-o") && arg.size() > 2) {
      output = arg.substr(2);
    } else if (contains(kTakesValue, arg)) {
      ++i;
    } else if (is_source(arg)) {
      sources.push_back(arg);
    }
  }
  if (!compiles || sources.size() != 1) return std::nullopt;
  return CompileJob{sources.front(), output ? *output : object_for(sources.front())};
}

}  // namespace lockscope::cache
