#include "driver/unit_checks.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace lockscope::driver {

namespace {

constexpr std::array<std::string_view, 9> kSources = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".cp", ".i", ".ii"};
constexpr std::array<std::string_view, 7> kHeaders = {".h", ".hh", ".hpp", ".hxx", ".h++", ".H", ".inl"};

template <size_t N>
bool one_of(std::string_view ext, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), ext) != list.end();
}

bool chooses_language(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.starts_with("-x"); });
}

}  // namespace

void check_unit_directories(const std::vector<Unit>& units, const std::string& database) {
  for (const Unit& u : units)
    if (!llvm::sys::fs::is_directory(u.directory))
      throw InputError("compile database " + database + ": the entry for " + u.file + " runs in directory " +
                       u.directory + ", which does not exist (was the build directory moved or deleted?)");
}

void check_source_extension(const std::string& given, const std::vector<std::string>& fixed_args) {
  if (chooses_language(fixed_args)) return;
  const std::string ext = std::string(llvm::sys::path::extension(given));
  if (one_of(ext, kSources)) return;
  if (one_of(ext, kHeaders))
    throw InputError(given + " is a header: lockscope analyzes translation units; give the .c or .cpp files that "
                             "include it (or choose the language with -x c++ after --)");
  throw InputError(given + " is not a C or C++ source file (expected .c, .cc, .cpp or .cxx; or choose the "
                           "language with -x c or -x c++ after --)");
}

}  // namespace lockscope::driver
