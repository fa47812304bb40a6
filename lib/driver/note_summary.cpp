#include "driver/note_summary.h"

#include <array>
#include <map>
#include <string_view>

namespace lockscope::driver {

namespace {

constexpr std::string_view kNoMain = "the program has no main()";

// Kinds of notes by what their message says (lib/extract and lib/link write them as
// "lockscope: <what>"); the first pattern found in a message names its kind.
struct NoteKind {
  std::string_view pattern;
  std::string_view kind;
};
constexpr std::array kKinds = {
    NoteKind{"call through '", "unresolved call"},
    NoteKind{"which lock '", "unnamed lock"},
    NoteKind{"which object '", "unnamed object"},
    NoteKind{"thread started with '", "thread not followed"},
    NoteKind{"thread entry '", "thread not followed"},
    NoteKind{"distinct threads", "thread not followed"},
    NoteKind{"std::async", "thread not followed"},
    NoteKind{"parallel algorithm", "thread not followed"},
    NoteKind{"budget", "budget"},
    NoteKind{"too deep", "budget"},
    NoteKind{"too many", "budget"},
    NoteKind{"more than", "budget"},
    NoteKind{"did not settle", "budget"},
    NoteKind{"recursive call", "recursion"},
};

std::string_view kind_of(const std::string& message) {
  for (const NoteKind& k : kKinds)
    if (message.find(k.pattern) != std::string::npos) return k.kind;
  return "other";
}

}  // namespace

NoteSummary summarize_notes(const std::vector<report::Diagnostic>& diagnostics) {
  NoteSummary out;
  std::map<std::string_view, size_t> per_kind;
  for (const report::Diagnostic& d : diagnostics) {
    if (d.severity != report::Diagnostic::Severity::Note) continue;
    if (d.message.find(kNoMain) != std::string::npos) {
      out.no_main = true;
      continue;
    }
    ++out.count;
    ++per_kind[kind_of(d.message)];
  }
  for (const auto& [kind, n] : per_kind)
    if (n > out.biggest) {
      out.biggest = n;
      out.biggest_kind = std::string(kind);
    }
  return out;
}

std::string gave_up_text(const NoteSummary& notes) {
  if (notes.count == 0) return {};
  std::string text = "the analysis gave up on " + std::to_string(notes.count) +
                     (notes.count == 1 ? " construct" : " constructs");
  if (notes.count == 1) return text + " (" + notes.biggest_kind + ")";
  if (notes.biggest == notes.count) return text + " (all: " + notes.biggest_kind + ")";
  return text + " (most: " + notes.biggest_kind + ", " + std::to_string(notes.biggest) + ")";
}

}  // namespace lockscope::driver
