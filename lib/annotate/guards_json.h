#pragma once
// Guard facts as JSON: the fixture format of `lockscope annotate --guards FILE` (tests, and
// facts inferred elsewhere), and what `--write-guards` prints for benchmarks (bench/annotate).
//
//   {"variables": [{"file": "a.h", "line": 12, "column": 7, "name": "balance_", "lock": "mu_",
//                   "pointee": false}],
//    "functions": [{"file": "a.h", "line": 20, "column": 8, "name": "Apply", "locks": ["mu_"]}],
//    "orders":    [{"file": "a.h", "line": 9, "column": 14, "later": "b_", "earlier": "a_"}]}
#include <stdexcept>
#include <string>

#include "annotate/guards.h"

namespace lockscope::annotate {

class GuardsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws GuardsError naming the offending field ("variables[2].lock: missing").
GuardFacts read_guards_json(const std::string& text);
std::string write_guards_json(const GuardFacts& facts);

}  // namespace lockscope::annotate
