#pragma once
// What a person reads names files as they would type them: paths below the working directory are
// written relative to it ("src/bank.cpp:32:31", not "/home/ci/builds/x/src/bank.cpp:32:31") in the
// text report and in the pictures of `lockscope graph`. Machine formats keep absolute paths (JSON),
// or have their own rule (SARIF: relative URIs, report/sarif.h).
#include <string>

#include "report/finding.h"

namespace lockscope::cli {

// Rewrites every location and every message of `report` (notes, edges, thread entries such as
// "lambda at /abs/x.cpp:12"): `dir`/x becomes x. Paths outside `dir` are left as they are.
void make_paths_relative(report::Report& report, const std::string& dir);

// The working directory, or empty when it cannot be determined (nothing is then rewritten).
std::string working_directory();

}  // namespace lockscope::cli
