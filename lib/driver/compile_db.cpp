#include "driver/compile_db.h"

#include "driver/unit_checks.h"

#include <set>

#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace lockscope::driver {

namespace tooling = clang::tooling;

namespace {

constexpr const char* kDatabaseName = "compile_commands.json";

std::string absolute_path(const std::string& path, const std::string& base) {
  llvm::SmallString<256> p(path);
  if (llvm::sys::path::is_relative(p)) {
    llvm::SmallString<256> joined(base);
    llvm::sys::path::append(joined, p);
    p = joined;
  }
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

std::string current_directory() {
  llvm::SmallString<256> cwd;
  if (llvm::sys::fs::current_path(cwd)) throw InputError("cannot determine the current directory");
  return std::string(cwd);
}

// The JSON database alone, without the interpolation clang-tidy adds: a FILE the database does
// not list is the user's mistake to hear about, not a command to guess.
std::unique_ptr<tooling::CompilationDatabase> load_json_database(const std::string& given, std::string& json_path) {
  if (!llvm::sys::fs::exists(given)) throw InputError("-p " + given + ": no such file or directory");
  json_path = given;
  if (llvm::sys::fs::is_directory(given)) {
    llvm::SmallString<256> p(given);
    llvm::sys::path::append(p, kDatabaseName);
    json_path = std::string(p);
    if (!llvm::sys::fs::exists(json_path)) throw InputError("no " + std::string(kDatabaseName) + " in " + given);
  }
  std::string error;
  auto db = tooling::JSONCompilationDatabase::loadFromFile(json_path, error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db) throw InputError("cannot read compile database " + json_path + ": " + error);
  // As clang-tidy does: expand @rsp files, and let argv[0] (clang++, arm-linux-gcc) pick the
  // driver mode and target.
  return tooling::inferTargetAndDriverMode(tooling::expandResponseFiles(std::move(db), llvm::vfs::getRealFileSystem()));
}

Unit to_unit(const tooling::CompileCommand& cmd) {
  return Unit{absolute_path(cmd.Filename, cmd.Directory), cmd.Directory, cmd.CommandLine};
}

}  // namespace

std::optional<std::string> find_compile_database(const std::string& file) {
  std::string dir = std::string(llvm::sys::path::parent_path(absolute_path(file, current_directory())));
  while (!dir.empty()) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, kDatabaseName);
    if (llvm::sys::fs::exists(candidate)) return std::string(candidate);
    std::string parent = std::string(llvm::sys::path::parent_path(dir));
    if (parent == dir) break;
    dir = parent;
  }
  return std::nullopt;
}

bool is_assembly(const Unit& unit) {
  for (size_t i = 0; i + 1 < unit.command.size(); ++i)
    if (unit.command[i] == "-x") return unit.command[i + 1].starts_with("assembler");
  for (const std::string& arg : unit.command)
    if (arg.starts_with("-xassembler")) return true;
  std::string ext = std::string(llvm::sys::path::extension(unit.file));
  return ext == ".s" || ext == ".S" || ext == ".sx" || ext == ".asm";
}

std::vector<Unit> select_units(const UnitSelection& selection, std::vector<std::string>* skipped) {
  const std::string cwd = current_directory();
  std::vector<std::string> files;
  for (const std::string& f : selection.files) {
    std::string abs = absolute_path(f, cwd);
    if (!llvm::sys::fs::exists(abs)) throw InputError("no such file: " + f);
    if (llvm::sys::fs::is_directory(abs)) throw InputError(f + " is a directory, not a source file");
    if (selection.fixed_args) check_source_extension(f, *selection.fixed_args);
    files.push_back(abs);
  }

  std::unique_ptr<tooling::CompilationDatabase> db;
  std::string json_path;  // empty for the fixed database
  if (selection.fixed_args) {
    db = std::make_unique<tooling::FixedCompilationDatabase>(cwd, *selection.fixed_args);
  } else if (selection.build_dir) {
    db = load_json_database(*selection.build_dir, json_path);
  } else {
    if (files.empty()) throw InputError("no FILES and no -p BUILD_DIR: nothing to analyze");
    auto found = find_compile_database(files.front());
    if (!found)
      throw InputError("no " + std::string(kDatabaseName) + " found in the parent directories of " +
                       selection.files.front() + "; give -p BUILD_DIR, or compiler arguments after --");
    db = load_json_database(*found, json_path);
  }

  std::vector<Unit> units;
  std::set<std::string> seen;
  auto add = [&](const tooling::CompileCommand& cmd) {
    Unit u = to_unit(cmd);
    if (seen.insert(u.file).second) units.push_back(std::move(u));
  };
  if (files.empty()) {
    size_t assembly = 0;
    for (const auto& cmd : db->getAllCompileCommands()) {
      if (is_assembly(to_unit(cmd))) {
        ++assembly;
        if (skipped) skipped->push_back(to_unit(cmd).file);
        continue;
      }
      add(cmd);
    }
    if (units.empty())
      throw InputError("compile database " + json_path +
                       (assembly ? " lists only assembly sources: no C or C++ to analyze" : " has no entries"));
    check_unit_directories(units, json_path);
    return units;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    auto cmds = db->getCompileCommands(files[i]);
    if (cmds.empty()) throw InputError(selection.files[i] + " is not in the compile database " + json_path);
    add(cmds.front());
  }
  check_unit_directories(units, json_path);
  return units;
}

}  // namespace lockscope::driver
