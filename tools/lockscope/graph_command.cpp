// `lockscope graph REPORT.json [--format dot|html] [--output FILE]`: draws the lock-order graph of
// a static or a runtime report (lib/graph). Reading the report is the only analysis done here.
#include <fstream>
#include <iostream>

#include "commands.h"
#include "relative_paths.h"
#include "graph/dot_writer.h"
#include "graph/html_writer.h"
#include "graph/lock_graph.h"
#include "report/finding.h"
#include "report/json_io.h"

namespace lockscope::cli {

namespace {

constexpr const char* kUsage =
    "usage: lockscope graph REPORT.json [--format dot|html] [--output FILE]\n"
    "\n"
    "Draws the lock-order graph of a lockscope JSON report (from `lockscope check --format json` or\n"
    "the runtime's LOCKSCOPE_REPORT): one node per lock, an arrow A -> B where B was taken while A\n"
    "was held, labelled with where; arrows on a cycle (possible deadlocks) are red.\n"
    "\n"
    "  --format dot    Graphviz DOT (default; render with `dot -Tsvg`)\n"
    "  --format html   one self-contained HTML page with an SVG picture and a table of edges\n"
    "  --output FILE   write to FILE instead of standard output\n";

int usage_error(const std::string& message) {
  std::cerr << "lockscope graph: " << message << "\n\n" << kUsage;
  return report::kExitError;
}

}  // namespace

int graph_main(const Args& args) {
  std::string input, format = "dot", output;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return report::kExitClean;
    } else if (a == "--format" || a.rfind("--format=", 0) == 0) {
      const std::string* v = a == "--format" ? value() : nullptr;
      if (a == "--format" && !v) return usage_error("--format needs a value (dot or html)");
      format = v ? *v : a.substr(9);
      if (format != "dot" && format != "html") return usage_error("unknown format '" + format + "' (dot or html)");
    } else if (a == "--output" || a == "-o" || a.rfind("--output=", 0) == 0) {
      const std::string* v = a.rfind("--output=", 0) == 0 ? nullptr : value();
      if (!v && a.rfind("--output=", 0) != 0) return usage_error("--output needs a file name");
      output = v ? *v : a.substr(9);
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else if (input.empty()) {
      input = a;
    } else {
      return usage_error("one report at a time ('" + input + "' and '" + a + "' given)");
    }
  }
  if (input.empty()) return usage_error("no report given");

  graph::LockGraph g;
  try {
    report::Report r = report::read_json_file(input);
    make_paths_relative(r, working_directory());  // labels as the user would type the paths
    g = graph::build_lock_graph(r);
  } catch (const report::ReportFormatError& e) {
    std::cerr << "lockscope graph: " << e.what() << "\n";
    return report::kExitError;
  }

  std::ofstream file;
  if (!output.empty()) {
    file.open(output);
    if (!file) {
      std::cerr << "lockscope graph: " << output << ": cannot write file\n";
      return report::kExitError;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file;
  if (format == "html") {
    graph::write_html(out, g);
  } else {
    graph::write_dot(out, g);
  }
  out.flush();
  if (!out) {
    std::cerr << "lockscope graph: " << (output.empty() ? "standard output" : output) << ": write failed\n";
    return report::kExitError;
  }
  return report::kExitClean;
}

}  // namespace lockscope::cli
