#pragma once
// Reports shared by the graph tests: the classic two-lock inversion (as the runtime reports it)
// plus an ordered, cycle-free edge and a re-lock.
#include "report/finding.h"

namespace lockscope::graph::testing {

inline report::Report classic_inversion() {
  report::Report r;
  r.source = "runtime";
  report::Finding cycle;
  cycle.kind = "lock-order-inversion";
  cycle.message = "lock order inversion between 'mu_a' and 'mu_b'";
  cycle.location = {"/src/bank.cpp", 20, 5};
  cycle.locks = {"mu_a", "mu_b"};
  cycle.edges = {{"mu_a", "mu_b", {"/src/bank.cpp", 12, 5}, "T1"}, {"mu_b", "mu_a", {"/src/bank.cpp", 20, 5}, "T2"}};
  report::Finding ordered = cycle;  // a second finding repeating one edge and adding a harmless one
  ordered.kind = "double-lock";
  ordered.message = "'log<&>' locked twice";
  ordered.location = {"/src/log.cpp", 7, 3};
  ordered.locks = {"log<&>"};
  ordered.edges = {{"mu_a", "mu_b", {"/src/bank.cpp", 12, 5}, "T1"}, {"mu_b", "log<&>", {"/src/log.cpp", 5, 3}, "T2"},
                   {"log<&>", "log<&>", {"/src/log.cpp", 7, 3}, "T2"}};
  r.findings = {cycle, ordered};
  return r;
}

// A double-lock as the static checker reports it: the lock and where it is taken again, no edge.
inline report::Finding static_double_lock(const std::string& lock, report::Location at) {
  report::Finding f;
  f.kind = "double-lock";
  f.message = "double lock: '" + lock + "' is acquired while this thread already holds it";
  f.location = std::move(at);
  f.locks = {lock};
  return f;
}

}  // namespace lockscope::graph::testing
