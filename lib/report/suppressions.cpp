#include "report/suppressions.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "report/kinds.h"

namespace lockscope::report {

namespace {

constexpr std::string_view kMarker = "lockscope-ignore";

[[noreturn]] void fail(const std::string& file, unsigned line, size_t column, const std::string& what) {
  throw SuppressionError(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what);
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

void parse_line(std::string_view line, const std::string& file, unsigned line_no, std::vector<Suppression>& out) {
  size_t comment = std::min(line.find("//"), line.find("/*"));
  if (comment == std::string_view::npos) return;
  for (size_t at = line.find(kMarker, comment); at != std::string_view::npos; at = line.find(kMarker, at + 1)) {
    const size_t column = at + 1;
    size_t open = at + kMarker.size();
    if (open >= line.size() || line[open] != '[')
      fail(file, line_no, column, "malformed suppression: expected '[' after 'lockscope-ignore' (write lockscope-ignore[<kind>])");
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) fail(file, line_no, column, "malformed suppression: missing ']'");
    std::string_view list = line.substr(open + 1, close - open - 1);
    if (trim(list).empty()) fail(file, line_no, column, "malformed suppression: no kind between '[' and ']'");
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      std::string kind = trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (!is_known_kind(kind)) {
        std::string known;
        for (const KindInfo& k : all_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.name);
        fail(file, line_no, column, "unknown finding kind '" + kind + "' in suppression (known: " + known + ")");
      }
      out.push_back({Location{file, line_no, static_cast<unsigned>(column)}, kind});
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
}

// Findings name files as the compiler saw them; the same file may be named differently elsewhere.
std::string file_key(const std::string& path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  return true;
}

}  // namespace

std::vector<Suppression> parse_suppressions(std::string_view text, const std::string& file) {
  std::vector<Suppression> out;
  unsigned line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string_view line = text.substr(start, end - start);
    if (line.find(kMarker) != std::string_view::npos) parse_line(line, file, line_no, out);
    start = end + 1;
  }
  return out;
}

SuppressionOutcome apply_inline_suppressions(const std::vector<Finding>& findings,
                                             const std::vector<std::string>& more_files,
                                             const std::vector<std::string>& search_dirs) {
  auto resolve = [&](const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (path.empty() || fs::path(path).is_absolute() || fs::exists(path, ec)) return path;
    for (const std::string& dir : search_dirs)
      if (fs::exists(fs::path(dir) / path, ec)) return (fs::path(dir) / path).string();
    return path;
  };
  // file key -> its suppressions, with a used flag each.
  std::map<std::string, std::vector<std::pair<Suppression, bool>>> by_file;
  auto load = [&](const std::string& given) {
    if (given.empty()) return;
    const std::string path = resolve(given);
    std::string key = file_key(path);
    if (by_file.count(key)) return;
    auto& list = by_file[key];
    std::string text;
    if (!read_file(path, text)) return;
    for (Suppression& s : parse_suppressions(text, path)) list.emplace_back(std::move(s), false);
  };
  for (const Finding& f : findings) load(f.location.file);
  for (const std::string& path : more_files) load(path);

  SuppressionOutcome outcome;
  for (const Finding& f : findings) {
    bool silenced = false;
    if (f.location.known()) {
      for (auto& [s, used] : by_file[file_key(resolve(f.location.file))]) {
        if (s.kind == f.kind && (s.location.line == f.location.line || s.location.line + 1 == f.location.line)) {
          used = true;
          silenced = true;
        }
      }
    }
    (silenced ? outcome.suppressed : outcome.kept).push_back(f);
  }
  for (auto& [key, list] : by_file)
    for (auto& [s, used] : list)
      if (!used) outcome.unused.push_back(s);
  std::stable_sort(outcome.unused.begin(), outcome.unused.end(),
                   [](const Suppression& a, const Suppression& b) { return a.location < b.location; });
  return outcome;
}

}  // namespace lockscope::report
