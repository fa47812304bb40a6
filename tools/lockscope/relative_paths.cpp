#include "relative_paths.h"

#include <filesystem>

namespace lockscope::cli {

namespace {

class Relativizer {
 public:
  explicit Relativizer(const std::string& dir) : prefix_(dir.ends_with('/') ? dir : dir + "/") {}

  void operator()(std::string& text) const {
    for (size_t at = text.find(prefix_); at != std::string::npos; at = text.find(prefix_, at)) {
      // Only a path that starts here: "/src/a.c" in "/src/a.c" or " /src/a.c", not "/x/src/a.c".
      if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\'' && text[at - 1] != '(' && text[at - 1] != '"') {
        ++at;
        continue;
      }
      text.erase(at, prefix_.size());
    }
  }
  void operator()(report::Location& loc) const { (*this)(loc.file); }

 private:
  std::string prefix_;
};

}  // namespace

void make_paths_relative(report::Report& report, const std::string& dir) {
  if (dir.empty() || dir == "/") return;
  const Relativizer rel(dir);
  for (report::Finding& f : report.findings) {
    rel(f.message);
    rel(f.location);
    for (report::Note& n : f.notes) rel(n.message), rel(n.location);
    for (report::LockEdge& e : f.edges) rel(e.location), rel(e.thread), rel(e.from), rel(e.to);
    for (report::ThreadRef& t : f.threads) rel(t.entry);
    for (std::string& lock : f.locks) rel(lock);
  }
  for (report::Diagnostic& d : report.diagnostics) rel(d.message), rel(d.location);
}

std::string working_directory() {
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  return ec ? std::string() : cwd.string();
}

}  // namespace lockscope::cli
