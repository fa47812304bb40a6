#pragma once
// The report half shared by `lockscope check` and `lockscope link`: baselines and suppressions
// applied, the report written in the chosen format, a summary on standard error, the exit
// status. One implementation, so a report linked from shards looks exactly like one from check.
#include <fstream>
#include <iosfwd>
#include <string>

#include "driver/check.h"
#include "driver/check_options.h"
#include "report/ci_options.h"

namespace lockscope::cli {

// Prints "lockscope <command>: <message>" on standard error; returns exit status 2.
int fail(const std::string& command, const std::string& message);

// Opens --output into `file` when given; called before the analysis, so an unwritable path fails
// in a second, not after an hour. Returns the stream to write the report to (the file or standard
// output), or nullptr after printing why the file cannot be written.
std::ostream* open_output(const std::string& command, const driver::CheckOptions& options, std::ofstream& file);

// Applies `ci` to `result.report`, writes it to `out` (the --output file, opened by the caller
// before the analysis so a bad path fails fast, or standard output), prints warnings and the
// summary on standard error, and returns the process exit status. `command` names the command
// in messages ("check", "link").
int finish_report(const std::string& command, const driver::CheckOptions& options, const report::CiOptions& ci,
                  driver::CheckResult& result, std::ostream& out);

}  // namespace lockscope::cli
