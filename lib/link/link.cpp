#include "link/link.h"

#include <algorithm>
#include <set>
#include <utility>

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
  size_t closed_world = out.findings.size();
  check_open_code(program, OpenCodeOptions{options.lock_order, options.races}, out);
  // A site the thread analysis reports already (code reached only through a std::function, which the
  // closed world follows and the reachability that splits the two does not) is reported once, with
  // its threads: that evidence is the stronger.
  std::set<std::pair<std::string, report::Location>> by_threads;
  for (size_t i = 0; i < closed_world; ++i) by_threads.emplace(out.findings[i].kind, out.findings[i].location);
  out.findings.erase(std::remove_if(out.findings.begin() + static_cast<long>(closed_world), out.findings.end(),
                                    [&](const report::Finding& f) { return by_threads.count({f.kind, f.location}) != 0; }),
                     out.findings.end());
  out.diagnostics.insert(out.diagnostics.end(), program.resolution_notes().begin(), program.resolution_notes().end());
  report::canonicalize(out.findings);
  return out;
}

}  // namespace lockscope::link
