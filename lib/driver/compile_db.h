#pragma once
// Which translation units `lockscope check` analyzes, and with which compile command: from a
// compile_commands.json (given with -p, or found above the first FILE like clang-tidy does), or
// from the fixed arguments after `--`. Free of Clang headers so the CLI compiles fast.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lockscope::driver {

// The input is unusable: no database, a malformed one, a FILE that does not exist or that the
// database does not list. The message names the file; the caller prints it and exits 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One compile command: what a single extraction runs.
struct Unit {
  std::string file;                  // absolute, normalized path of the main source file
  std::string directory;             // working directory of the command
  std::vector<std::string> command;  // argv, compiler first, as the database gives it
};

struct UnitSelection {
  std::optional<std::string> build_dir;               // -p
  std::optional<std::vector<std::string>> fixed_args; // `--`
  std::vector<std::string> files;                     // FILES (relative to the working directory)
};

// The units to analyze, one per source file (a file the database compiles twice is analyzed
// with its first command, so its facts are not counted twice), in database or FILES order.
// Throws InputError. Over a whole database, assembly sources (.s, .S, .asm, `-x assembler`) are
// left out, as clang-tidy users expect: they are named in `skipped` when given.
std::vector<Unit> select_units(const UnitSelection& selection, std::vector<std::string>* skipped = nullptr);
// Whether a compile command assembles rather than compiles C or C++.
bool is_assembly(const Unit& unit);

// Where select_units looks when neither -p nor `--` is given: the nearest compile_commands.json
// in the parent directories of `file`; nullopt when there is none.
std::optional<std::string> find_compile_database(const std::string& file);

}  // namespace lockscope::driver
