#pragma once
// The file-system half of an annotate run: where the project is, which of its headers may define
// the annotation macros, reading sources. Kept apart from plan.h so the planning stays testable
// on in-memory files.
#include <optional>
#include <string>
#include <vector>

#include "annotate/guards.h"
#include "annotate/plan.h"

namespace lockscope::annotate {

// The deepest directory holding every file (absolute paths; "/" at worst).
std::string common_directory(const std::vector<std::string>& files);

// Every header under `root` (.h .hh .hpp .hxx .inc), skipping hidden directories and CMake build
// trees, up to `limit` files: where a project's thread_annotations.h is.
std::vector<SourceText> project_headers(const std::string& root, size_t limit = 20000);

std::optional<std::string> read_file(const std::string& path);

// The facts with relative file names made absolute against `base`.
GuardFacts with_absolute_paths(GuardFacts facts, const std::string& base);

// A Project rooted at `root` that reads from disk; macro_sources are its headers.
Project disk_project(const std::string& root);

}  // namespace lockscope::annotate
