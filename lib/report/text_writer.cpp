#include "report/text_writer.h"

#include <map>
#include <ostream>

namespace lockscope::report {

namespace {
void write_position(std::ostream& out, const Location& loc) {
  if (loc.file.empty()) return;
  out << loc.file << ':';
  if (loc.line != 0) {
    out << loc.line << ':';
    if (loc.column != 0) out << loc.column << ':';
  }
  out << ' ';
}
}  // namespace

void write_text(std::ostream& out, const Finding& finding) {
  write_position(out, finding.location);
  out << "warning: " << finding.message << " [lockscope-" << finding.kind << "]\n";
  for (const Note& note : finding.notes) {
    write_position(out, note.location);
    out << "note: " << note.message << '\n';
  }
}

void write_text(std::ostream& out, const Diagnostic& diagnostic) {
  write_position(out, diagnostic.location);
  out << (diagnostic.severity == Diagnostic::Severity::Error ? "error: " : "note: ") << diagnostic.message
      << '\n';
}

void write_text(std::ostream& out, const Report& report) {
  for (const Diagnostic& d : report.diagnostics) write_text(out, d);
  for (const Finding& f : report.findings) write_text(out, f);
  if (report.findings.empty()) return;
  std::map<std::string, int> per_kind;
  for (const Finding& f : report.findings) ++per_kind[f.kind];
  out << report.findings.size() << (report.findings.size() == 1 ? " finding (" : " findings (");
  const char* sep = "";
  for (const auto& [kind, count] : per_kind) {
    out << sep << count << ' ' << kind;
    sep = ", ";
  }
  out << ")\n";
}

}  // namespace lockscope::report
