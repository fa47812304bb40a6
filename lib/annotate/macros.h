#pragma once
// Which macro names the annotations are written with. A project that already defines Clang's
// thread-safety macros (leveldb's port/thread_annotations.h, abseil's ABSL_-prefixed ones) gets its
// own spelling and its own header included; a project with none gets a header that defines them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lockscope::annotate {

struct MacroSpelling {
  std::string guarded_by = "GUARDED_BY";
  std::string pt_guarded_by = "PT_GUARDED_BY";
  std::string requires_ = "REQUIRES";
  std::string acquired_after = "ACQUIRED_AFTER";
  std::optional<std::string> header;  // the project file that defines them; none: generate one
};

struct SourceText {
  std::string path;  // absolute
  std::string text;
};

// Looks for a `#define [PREFIX]GUARDED_BY(` among the files and takes the other names from the
// same file: REQUIRES or, where only the older name is defined, EXCLUSIVE_LOCKS_REQUIRED. No such
// definition: the default spelling and no header (the caller writes generated_header()).
MacroSpelling find_project_macros(const std::vector<SourceText>& files);

// A header defining GUARDED_BY, PT_GUARDED_BY, REQUIRES, ACQUIRED_AFTER and ACQUIRED_BEFORE with
// Clang's attributes behind __has_attribute, and to nothing elsewhere (GCC, MSVC). Valid C and C++.
std::string generated_header();
inline constexpr const char* kGeneratedHeaderName = "lockscope_thread_annotations.h";

}  // namespace lockscope::annotate
