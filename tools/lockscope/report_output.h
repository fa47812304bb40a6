#pragma once
// The report half shared by `lockscope check` and `lockscope link`: baselines and suppressions
// applied, the report written in the chosen format, a summary on standard error, the exit
// status. One implementation, so a report linked from shards looks exactly like one from check.
#include <fstream>
#include <iosfwd>
#include <optional>
#include <string>

#include "driver/check.h"
#include "driver/check_options.h"
#include "report/ci_options.h"

namespace lockscope::cli {

// Prints "lockscope <command>: <message>" on standard error; returns exit status 2.
int fail(const std::string& command, const std::string& message);

// Where the report goes: --output FILE or standard output. The file is opened before the analysis,
// so an unwritable path fails in a second, not after an hour, and removed again unless a report
// was written into it: a run that fails early (no compile database) leaves no empty file behind.
class ReportOutput {
 public:
  ReportOutput() = default;
  ReportOutput(const ReportOutput&) = delete;
  ReportOutput& operator=(const ReportOutput&) = delete;
  ~ReportOutput();
  // False after printing why the file cannot be written.
  bool open(const std::string& command, const std::optional<std::string>& path);
  std::ostream& stream();
  void keep() { kept_ = true; }  // a report was written: leave the file

 private:
  std::optional<std::string> path_;
  std::ofstream file_;
  bool kept_ = false;
};

// Applies `ci` to `result.report`, writes it to `out` (opened by the caller before the analysis),
// prints warnings and the
// summary on standard error, and returns the process exit status. `command` names the command
// in messages ("check", "link").
int finish_report(const std::string& command, const driver::CheckOptions& options, const report::CiOptions& ci,
                  driver::CheckResult& result, ReportOutput& out);

}  // namespace lockscope::cli
