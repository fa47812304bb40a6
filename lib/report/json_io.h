#pragma once
// The JSON form of the report model (schema in README.md, "JSON output"):
//
//   {"tool": "lockscope", "version": "0.1.0", "source": "static",
//    "findings": [{"kind": "...", "message": "...", "location": {"file", "line", "column"},
//                  "notes": [{"location": {...}, "message": "..."}], "locks": [...],
//                  "threads": [{"id", "name", "entry"}], "edges": [{"from","to","location","thread"}],
//                  "function": "..."}],
//    "diagnostics": [{"severity": "error"|"note", "location": {...}, "message": "..."}]}
//
// Readers validate: a document that does not match throws ReportFormatError naming the first
// offending field, so commands can exit 2 with a clear message instead of guessing.
#include <iosfwd>
#include <stdexcept>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "report/finding.h"

namespace lockscope::report {

class ReportFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const Report& report);
Finding finding_from_json(const nlohmann::json& j);  // throws ReportFormatError
Report report_from_json(const nlohmann::json& j);    // throws ReportFormatError

void write_json(std::ostream& out, const Report& report);  // pretty-printed, newline-terminated
// Parses and validates; `origin` (a file name) prefixes error messages.
Report read_json(std::istream& in, const std::string& origin);
Report read_json_file(const std::string& path);  // throws ReportFormatError, also for unreadable files

}  // namespace lockscope::report
