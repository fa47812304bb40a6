#include "link/link.h"

#include "link/lock_order.h"
#include "link/lockset.h"
#include "link/open_code.h"
#include "link/program.h"
#include "link/races.h"
#include "lockscope/version.h"

namespace lockscope::link {

report::Report analyze(const std::vector<facts::TranslationUnitFacts>& units, const Options& options) {
  report::Report out;
  out.source = "static";
  out.version = std::string(kVersion);
  Program program(units);
  out.diagnostics = program.diagnostics();
  if (!options.lock_order && !options.races) return out;  // nothing asked: no thread analysis
  ProgramRun run = run_threads(program);
  out.diagnostics.insert(out.diagnostics.end(), run.diagnostics.begin(), run.diagnostics.end());
  if (options.lock_order) find_lock_order_issues(run, out);
  if (options.races) find_races(run, out);
  for (report::Finding& f : out.findings) f.evidence = report::kEvidenceThreads;
  check_open_code(program, OpenCodeOptions{options.lock_order, options.races}, out);
  out.diagnostics.insert(out.diagnostics.end(), program.resolution_notes().begin(), program.resolution_notes().end());
  report::canonicalize(out.findings);
  return out;
}

}  // namespace lockscope::link
