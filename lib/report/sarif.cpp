#include "report/sarif.h"

#include <algorithm>
#include <cctype>
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/kinds.h"

namespace lockscope::report {

using nlohmann::json;

namespace {

constexpr const char* kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

bool is_cycle_kind(const std::string& kind) { return kind == kLockOrderInversion || kind == kDeadlock; }

// Hangs are certain, the rest are warnings: code scanning sorts and filters by this level.
const char* level_of(std::string_view kind) { return kind == kDeadlock ? "error" : "warning"; }

json rule_json(const KindInfo& k) {
  // The literal is split so that this line is not itself read as a malformed suppression.
  std::string help = std::string(k.summary) + "\n\nSilence one occurrence with a `// lockscope-" "ignore[" +
                     std::string(k.name) + "]` comment on the reported line or the line before it.";
  return json{{"id", k.name},
              {"name", k.name},
              {"shortDescription", {{"text", k.summary}}},
              {"fullDescription", {{"text", k.summary}}},
              {"help", {{"text", help}, {"markdown", help}}},
              {"defaultConfiguration", {{"level", level_of(k.name)}}},
              {"properties", {{"tags", {"concurrency", "reliability"}}}}};
}

// A SARIF location; `message` may be empty. Unknown files give a location with a message only.
json location_json(const Location& loc, const std::string& message, const SarifOptions& options) {
  json j = json::object();
  if (!loc.file.empty()) {
    json physical{{"artifactLocation", {{"uri", sarif_uri(loc.file, options.base_directory)}}}};
    if (loc.line != 0) {
      json region{{"startLine", loc.line}};
      if (loc.column != 0) region["startColumn"] = loc.column;
      physical["region"] = region;
    }
    j["physicalLocation"] = physical;
  }
  if (!message.empty()) j["message"] = {{"text", message}};
  return j;
}

std::string edge_text(const LockEdge& e) {
  std::string text = "'" + e.to + "' acquired while holding '" + e.from + "'";
  if (!e.thread.empty()) text += " (thread " + e.thread + ")";
  return text;
}

// One threadFlow per thread, in the order threads first appear, each listing its edges in order.
json code_flow(const Finding& f, const SarifOptions& options) {
  json thread_flows = json::array();
  std::vector<std::string> order;
  for (const LockEdge& e : f.edges)
    if (std::find(order.begin(), order.end(), e.thread) == order.end()) order.push_back(e.thread);
  for (const std::string& thread : order) {
    json steps = json::array();
    for (const LockEdge& e : f.edges) {
      if (e.thread != thread) continue;
      steps.push_back({{"location", location_json(e.location, edge_text(e), options)},
                       {"kinds", {"acquire", "lock"}},
                       {"importance", "essential"}});
    }
    json flow{{"locations", steps}};
    if (!thread.empty()) {
      flow["id"] = thread;
      flow["message"] = {{"text", "thread " + thread}};
    }
    thread_flows.push_back(flow);
  }
  // Without edges the located notes are the path (an analysis that knows the cycle only as notes).
  if (thread_flows.empty()) {
    json steps = json::array();
    for (const Note& n : f.notes)
      if (n.location.known()) steps.push_back({{"location", location_json(n.location, n.message, options)}});
    if (steps.empty()) return nullptr;
    thread_flows.push_back({{"locations", steps}});
  }
  return json{{"message", {{"text", f.message}}}, {"threadFlows", thread_flows}};
}

json result_json(const Finding& f, const SarifOptions& options) {
  int rule_index = -1;
  auto kinds = all_kinds();
  for (size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i].name == f.kind) rule_index = static_cast<int>(i);

  // Notes without a position cannot be related locations; they are kept in the message text,
  // after the first sentence that code scanning shows as the title.
  std::string message = f.message;
  json related = json::array();
  for (const Note& n : f.notes) {
    if (n.location.known()) {
      json loc = location_json(n.location, n.message, options);
      loc["id"] = related.size() + 1;
      related.push_back(loc);
    } else {
      message += "\n" + n.message;
    }
  }

  json r{{"ruleId", f.kind},
         {"level", level_of(f.kind)},
         {"message", {{"text", message}}},
         {"partialFingerprints", {{"lockscope/v1", fingerprint(f)}}}};
  if (rule_index >= 0) r["ruleIndex"] = rule_index;
  if (!f.evidence.empty()) r["properties"] = {{"lockscope.evidence", f.evidence}};
  json primary = location_json(f.location, "", options);
  if (!f.function.empty())
    primary["logicalLocations"] = {{{"fullyQualifiedName", f.function}, {"kind", "function"}}};
  if (!primary.empty()) r["locations"] = json::array({primary});
  if (!related.empty()) r["relatedLocations"] = related;
  if (is_cycle_kind(f.kind)) {
    json flow = code_flow(f, options);
    if (!flow.is_null()) r["codeFlows"] = json::array({flow});
  }
  return r;
}

json invocation_json(const Report& report, const SarifOptions& options) {
  bool ok = true;
  json notifications = json::array();
  for (const Diagnostic& d : report.diagnostics) {
    bool error = d.severity == Diagnostic::Severity::Error;
    ok = ok && !error;
    json n{{"message", {{"text", d.message}}}, {"level", error ? "error" : "note"}};
    if (!d.location.file.empty()) n["locations"] = json::array({location_json(d.location, "", options)});
    notifications.push_back(n);
  }
  json inv{{"executionSuccessful", ok}};
  if (!notifications.empty()) inv["toolExecutionNotifications"] = notifications;
  return inv;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

std::string percent_encode(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string sarif_uri(const std::string& path, const std::string& base_directory) {
  if (!base_directory.empty() && !path.empty() && path[0] == '/') {
    std::string base = base_directory;
    if (base.back() != '/') base += '/';
    if (path.compare(0, base.size(), base) == 0) return percent_encode(path.substr(base.size()));
  }
  if (!path.empty() && path[0] == '/') return "file://" + percent_encode(path);
  return percent_encode(path);
}

json to_sarif(const Report& report, const SarifOptions& options) {
  json rules = json::array();
  for (const KindInfo& k : all_kinds()) rules.push_back(rule_json(k));
  json driver{{"name", report.tool.empty() ? "lockscope" : report.tool}, {"rules", rules}};
  if (!report.version.empty()) driver["version"] = report.version;

  json results = json::array();
  for (const Finding& f : report.findings) results.push_back(result_json(f, options));

  json run{{"tool", {{"driver", driver}}}, {"results", results}, {"invocations", {invocation_json(report, options)}}};
  if (!report.source.empty()) run["properties"] = {{"lockscope.source", report.source}};
  return json{{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

void write_sarif(std::ostream& out, const Report& report, const SarifOptions& options) {
  out << to_sarif(report, options).dump(2) << '\n';
}

}  // namespace lockscope::report
