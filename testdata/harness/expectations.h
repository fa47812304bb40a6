#pragma once
// Reads what a testdata program expects: `// expect: KIND[, KIND...]` comments on the lines where findings
// must sit, scoped with `expect[static]:` / `expect[runtime]:`, and `// lockscope-test: NAME: VALUE`
// directives. The syntax is specified in testdata/README.md.
#include <istream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace lockscope::harness {

enum class Mode { Static, Runtime };

struct Expectation {
  std::string file;  // as the caller named the source (the harness uses paths relative to the program root)
  unsigned line = 0;
  std::string kind;
  friend auto operator<=>(const Expectation&, const Expectation&) = default;
};

struct ProgramSpec {
  std::vector<Expectation> expectations;        // already filtered to one mode
  std::map<std::string, std::string> directives;  // "run-args" -> "...", "no-run" -> ""
};

class ExpectationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whether `mode`'s half reports `kind` at all: an unscoped `expect:` applies only where it does.
bool mode_reports(Mode mode, const std::string& kind);

// Adds the expectations of one source to `spec`. Throws ExpectationError (naming file:line) for an unknown
// kind, scope or directive, so a typo cannot silently turn an expectation off.
void parse_source(std::istream& in, const std::string& file, Mode mode, ProgramSpec& spec);

}  // namespace lockscope::harness
