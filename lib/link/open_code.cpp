#include "link/open_code.h"

#include "link/call_graph.h"
#include "link/entry_points.h"
#include "link/open_order.h"
#include "link/open_races.h"
#include "link/report_open.h"
#include "link/summary.h"

namespace lockscope::link {

void check_open_code(const Program& program, const OpenCodeOptions& options, report::Report& out) {
  CallGraph graph(program);
  facts::Interner interner;
  Summaries summaries(program, graph, interner);
  std::vector<EntryPoint> entries = concurrent_entry_points(program, graph, summaries);
  if (entries.empty()) return;
  out.diagnostics.insert(out.diagnostics.end(), summaries.diagnostics().begin(), summaries.diagnostics().end());
  OpenCodeReporter reporter(interner, out);
  if (options.races) find_open_races(entries, summaries, reporter);
  if (options.lock_order) find_open_order_cycles(entries, summaries, reporter);
}

}  // namespace lockscope::link
