#pragma once
// `lockscope check` as a function: select the units, extract their facts in parallel, link once,
// and fold the units that could not be analyzed into the report as errors. Extraction and link
// are passed in, so this plumbing is tested with fakes and the tool passes the real ones.
#include <functional>
#include <vector>

#include "driver/check_options.h"
#include "driver/extract_units.h"
#include "facts/facts.h"
#include "link/link.h"
#include "report/finding.h"

namespace lockscope::driver {

using Analyzer = std::function<report::Report(const std::vector<facts::TranslationUnitFacts>&, const link::Options&)>;

struct CheckResult {
  report::Report report;  // findings of the analyzed units; one error per unit that was not
                          // (--facts-out: only those errors, there is no link)
  size_t units = 0;       // translation units selected
  std::vector<std::string> sources;      // their main files (absolute)
  std::vector<std::string> directories;  // their compile directories, where relative names resolve
  size_t failed = 0;      // of which could not be analyzed
  int exit_status = report::kExitClean;
  unsigned jobs = 0;              // threads extraction ran on
  double extract_seconds = 0;     // wall time of the parallel extraction
  double link_seconds = 0;        // wall time of the link
  size_t from_cache = 0;          // of the units, how many were not parsed (--cache-dir)
  bool link_from_cache = false;   // the report of the same facts was reused (--cache-dir)
  std::vector<std::string> warnings;  // cache entries ignored or not written, for stderr
};

// Throws InputError (compile_db.h) when there is nothing usable to analyze; a unit that does
// not compile is not an exception but an error in the result (exit status 2).
CheckResult run_check(const CheckOptions& options, ActionMaker make_action, const Analyzer& analyze);

// The link half of run_check, also `lockscope link`'s: one outcome per unit in, report out.
// Units are linked in file name order, whatever order they were extracted in, so facts
// extracted by shards or by a compiler launcher give the report a single check gives.
CheckResult link_outcomes(const std::vector<Unit>& units, std::vector<UnitOutcome> outcomes,
                          const CheckOptions& options, const Analyzer& analyze);

}  // namespace lockscope::driver
