#include "annotate/macros.h"

#include <regex>

namespace lockscope::annotate {

namespace {

// `#define NAME(` at the start of a line, with the optional spaces the preprocessor allows.
bool defines(const std::string& text, const std::string& name) {
  std::regex re("(^|\\n)[ \\t]*#[ \\t]*define[ \\t]+" + name + "\\(");
  return std::regex_search(text, re);
}

}  // namespace

MacroSpelling find_project_macros(const std::vector<SourceText>& files) {
  static const std::regex guarded(R"((^|\n)[ \t]*#[ \t]*define[ \t]+(\w*?)GUARDED_BY\()");
  for (const SourceText& f : files) {
    for (std::sregex_iterator m(f.text.begin(), f.text.end(), guarded), end; m != end; ++m) {
      std::string prefix = (*m)[2].str();
      if (prefix.ends_with("PT_")) continue;  // PT_GUARDED_BY says nothing about GUARDED_BY
      MacroSpelling s;
      s.guarded_by = prefix + "GUARDED_BY";
      s.pt_guarded_by = prefix + "PT_GUARDED_BY";
      s.requires_ =
          defines(f.text, prefix + "REQUIRES") ? prefix + "REQUIRES" : prefix + "EXCLUSIVE_LOCKS_REQUIRED";
      s.acquired_after = prefix + "ACQUIRED_AFTER";
      s.header = f.path;
      return s;
    }
  }
  return {};
}

std::string generated_header() {
  return R"(// Clang Thread Safety Analysis annotations (https://clang.llvm.org/docs/ThreadSafetyAnalysis.html),
// written by `lockscope annotate`. With clang, -Wthread-safety checks them; other compilers ignore them.
#ifndef LOCKSCOPE_THREAD_ANNOTATIONS_H
#define LOCKSCOPE_THREAD_ANNOTATIONS_H

#if defined(__has_attribute)
#define LOCKSCOPE_HAS_ATTRIBUTE(x) __has_attribute(x)
#else
#define LOCKSCOPE_HAS_ATTRIBUTE(x) 0
#endif

#ifndef GUARDED_BY
#if LOCKSCOPE_HAS_ATTRIBUTE(guarded_by)
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#else
#define GUARDED_BY(x)
#endif
#endif

#ifndef PT_GUARDED_BY
#if LOCKSCOPE_HAS_ATTRIBUTE(pt_guarded_by)
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#else
#define PT_GUARDED_BY(x)
#endif
#endif

#ifndef REQUIRES
#if LOCKSCOPE_HAS_ATTRIBUTE(requires_capability)
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#else
#define REQUIRES(...)
#endif
#endif

#ifndef ACQUIRED_AFTER
#if LOCKSCOPE_HAS_ATTRIBUTE(acquired_after)
#define ACQUIRED_AFTER(...) __attribute__((acquired_after(__VA_ARGS__)))
#else
#define ACQUIRED_AFTER(...)
#endif
#endif

#ifndef ACQUIRED_BEFORE
#if LOCKSCOPE_HAS_ATTRIBUTE(acquired_before)
#define ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))
#else
#define ACQUIRED_BEFORE(...)
#endif
#endif

#endif  // LOCKSCOPE_THREAD_ANNOTATIONS_H
)";
}

}  // namespace lockscope::annotate
