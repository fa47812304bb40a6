#pragma once
// `lockscope annotate` as a function: guard facts and the project's sources in, the edits that
// write them as Clang Thread Safety annotations out. The edits are clang::tooling::Replacements
// internally (applied with applyAllReplacements); this header stays free of Clang so the command
// and the tests compile quickly.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "annotate/guards.h"
#include "annotate/macros.h"

namespace lockscope::annotate {

struct Project {
  std::string root;                      // absolute directory: diff paths are relative to it, and a
                                         // generated header goes there
  std::vector<SourceText> macro_sources;  // where to look for existing macro definitions (headers)
  // The contents of a file the facts name (absolute path); none when it cannot be read.
  std::function<std::optional<std::string>(const std::string&)> read;
};

// One replacement, as clang-apply-replacements reads it.
struct Edit {
  std::string file;  // absolute
  unsigned offset = 0;
  unsigned length = 0;
  std::string text;
};

struct FileChange {
  std::string path;  // absolute
  std::string before;
  std::string after;
  bool created = false;  // the generated header
};

struct Plan {
  MacroSpelling spelling;
  std::vector<Edit> edits;         // the replacements in existing files, by file then offset
  std::vector<FileChange> files;   // each changed file before and after; the generated header last
  std::vector<std::string> notes;  // facts that were not written, and why ("file:line: ...")
};

// Relative file names in the facts are taken relative to project.root.
Plan plan_annotations(const GuardFacts& facts, const Project& project);

// clang-apply-replacements input: one YAML document holding every edit. A generated header is not
// an edit of an existing file: the caller writes it (see FileChange::created).
std::string fixits_yaml(const Plan& plan);

}  // namespace lockscope::annotate
