#include "expectations.h"

#include <regex>
#include <set>

#include "report/kinds.h"

namespace lockscope::harness {

namespace {

const std::set<std::string> kDirectives = {"no-run", "run-args", "cflags", "timeout", "runtime-options", "status"};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split_kinds(const std::string& list) {
  std::vector<std::string> kinds;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string k = trim(list.substr(start, comma - start));
    if (!k.empty()) kinds.push_back(k);
    start = comma + 1;
  }
  return kinds;
}

}  // namespace

bool mode_reports(Mode mode, const std::string& kind) {
  using namespace report;
  if (mode == Mode::Static)
    return kind == kLockOrderInversion || kind == kDoubleLock || kind == kDataRace || kind == kThreadUnsafeCall;
  return kind == kLockOrderInversion || kind == kDoubleLock || kind == kDeadlock || kind == kUnlockNotHeld;
}

void parse_source(std::istream& in, const std::string& file, Mode mode, ProgramSpec& spec) {
  // `expect` must follow the comment marker (`//`, `/*` in C, or `#` in Python) directly (after spaces) so
  // prose that mentions the word is not read as one.
  static const std::regex expect_re(R"((?://|/\*|#)\s*expect(\[([A-Za-z-]*)\])?\s*:(.*)$)");
  static const std::regex directive_re(R"((?://|/\*|#)\s*lockscope-test:\s*([a-z-]+)\s*(:\s*(.*))?$)");
  static const std::regex block_comment_end_re(R"(\s*\*/\s*$)");
  // The runtime tests' former checker read `// rt-test: options|timeout|status:`; refuse them so a
  // program written for it cannot lose its options silently.
  static const std::regex old_directive_re(R"(//\s*rt-test:)");
  std::string text;
  for (unsigned line = 1; std::getline(in, text); ++line) {
    text = std::regex_replace(text, block_comment_end_re, "");  // `/* expect: ... */` ends like `// expect: ...`
    auto where = [&] { return file + ":" + std::to_string(line) + ": "; };
    std::smatch m;
    if (std::regex_search(text, old_directive_re))
      throw ExpectationError(where() + "`rt-test:` directives are `lockscope-test:` ones now (options -> runtime-options)");
    if (std::regex_search(text, m, directive_re)) {
      const std::string name = m[1];
      if (!kDirectives.contains(name)) throw ExpectationError(where() + "unknown directive '" + name + "'");
      spec.directives[name] = trim(m[3]);
      continue;
    }
    if (!std::regex_search(text, m, expect_re)) continue;
    const std::string scope = m[2];
    if (m[1].matched && scope != "static" && scope != "runtime")
      throw ExpectationError(where() + "unknown expectation scope '" + scope + "' (static or runtime)");
    std::vector<std::string> kinds = split_kinds(m[3]);
    if (kinds.empty()) throw ExpectationError(where() + "expectation names no finding kind");
    for (const std::string& kind : kinds) {
      if (!report::is_known_kind(kind)) throw ExpectationError(where() + "unknown finding kind '" + kind + "'");
      const bool applies = scope.empty() ? mode_reports(mode, kind)
                                         : (scope == "static") == (mode == Mode::Static);
      if (applies && !mode_reports(mode, kind))
        throw ExpectationError(where() + "the " + scope + " half never reports '" + kind + "'");
      if (applies) spec.expectations.push_back({file, line, kind});
    }
  }
}

}  // namespace lockscope::harness
