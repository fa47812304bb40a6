#include "graph/dot_writer.h"

#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "test_reports.h"

namespace lockscope::graph {
namespace {

std::string dot_of(const report::Report& r) {
  std::ostringstream out;
  write_dot(out, build_lock_graph(r));
  return out.str();
}

TEST(DotWriter, IsADigraphWithEveryLockAndEdge) {
  std::string dot = dot_of(testing::classic_inversion());
  EXPECT_EQ(dot.rfind("digraph G {", 0), 0u) << dot;
  for (const char* lock : {"mu_a", "mu_b", "\"log<&>\""}) EXPECT_NE(dot.find(lock), std::string::npos) << lock;
  // Nodes are named by their lock, so edges read as the locks they join.
  for (const char* edge : {"mu_a->mu_b ", "mu_b->mu_a ", "mu_b->\"log<&>\" ", "\"log<&>\"->\"log<&>\" "})
    EXPECT_NE(dot.find(edge), std::string::npos) << edge << "\n" << dot;
  std::regex edge("->");
  EXPECT_EQ(std::distance(std::sregex_iterator(dot.begin(), dot.end(), edge), std::sregex_iterator()), 4 + 4)
      << "4 edges, each with a tooltip naming it";
}

TEST(DotWriter, CycleEdgesAreRedAndLabelledWithTheirSite) {
  std::string dot = dot_of(testing::classic_inversion());
  EXPECT_NE(dot.find("label=\"/src/bank.cpp:20:5 (T2)\""), std::string::npos) << dot;
  std::istringstream lines(dot);
  int red_edges = 0;
  for (std::string line; std::getline(lines, line);)
    if (line.find("->") != std::string::npos && line.find("color=red") != std::string::npos) ++red_edges;
  EXPECT_EQ(red_edges, 3) << dot;  // a->b, b->a and the re-lock
}

TEST(DotWriter, EscapesQuotesAndBackslashes) {
  report::Report r;
  report::Finding f;
  f.kind = "lock-order-inversion";
  f.edges = {{"m[\"x\"]", "path\\", {"a.cpp", 1, 1}, ""}};
  r.findings = {f};
  std::string dot = dot_of(r);
  EXPECT_NE(dot.find("\"m[\\\"x\\\"]\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"path\\\\\""), std::string::npos) << dot;
}

}  // namespace
}  // namespace lockscope::graph
