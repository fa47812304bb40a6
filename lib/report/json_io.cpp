#include "report/json_io.h"

#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/json_error.h"
#include "report/json_reader.h"

namespace lockscope::report {

using nlohmann::json;

namespace {

json location_json(const Location& loc) {
  return json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

using Reader = JsonReader<ReportFormatError>;

Location read_location(const Reader& r, const char* key, bool required = true) {
  if (!r.has(key)) {
    if (required) Reader::fail(r.at(key), "missing");
    return {};
  }
  Reader lr(r.sub(key), r.at(key));
  return Location{lr.str("file"), lr.number("line"), lr.number("column", false)};
}

std::string string_element(const json& j, const std::string& path) {
  if (!j.is_string()) Reader::fail(path, "expected a string");
  return j.get<std::string>();
}

Finding finding_at(const json& j, const std::string& path) {
  Reader r(j, path);
  Finding f;
  f.kind = r.str("kind");
  if (f.kind.empty()) Reader::fail(path + ".kind", "must not be empty");
  f.message = r.str("message");
  f.location = read_location(r, "location");
  f.function = r.str("function", false);
  f.evidence = r.str("evidence", false);
  r.each("notes", [&](const json& n, const std::string& p) {
    Reader nr(n, p);
    f.notes.push_back(Note{read_location(nr, "location", false), nr.str("message")});
  });
  r.each("locks", [&](const json& l, const std::string& p) { f.locks.push_back(string_element(l, p)); });
  r.each("threads", [&](const json& t, const std::string& p) {
    Reader tr(t, p);
    f.threads.push_back(ThreadRef{tr.str("id", false), tr.str("name", false), tr.str("entry", false)});
  });
  r.each("edges", [&](const json& e, const std::string& p) {
    Reader er(e, p);
    f.edges.push_back(LockEdge{er.str("from"), er.str("to"), read_location(er, "location", false), er.str("thread", false)});
  });
  return f;
}

}  // namespace

json to_json(const Finding& f) {
  json notes = json::array();
  for (const Note& n : f.notes) notes.push_back({{"location", location_json(n.location)}, {"message", n.message}});
  json threads = json::array();
  for (const ThreadRef& t : f.threads) threads.push_back({{"id", t.id}, {"name", t.name}, {"entry", t.entry}});
  json edges = json::array();
  for (const LockEdge& e : f.edges)
    edges.push_back({{"from", e.from}, {"to", e.to}, {"location", location_json(e.location)}, {"thread", e.thread}});
  json out{{"kind", f.kind},       {"message", f.message}, {"location", location_json(f.location)},
            {"notes", notes},       {"locks", f.locks},     {"threads", threads},
            {"edges", edges},       {"function", f.function}};
  if (!f.evidence.empty()) out["evidence"] = f.evidence;  // absent when unstated: older reports stay identical
  return out;
}

json to_json(const Report& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(to_json(f));
  json diagnostics = json::array();
  for (const Diagnostic& d : r.diagnostics)
    diagnostics.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "note"},
                           {"location", location_json(d.location)},
                           {"message", d.message}});
  json out{{"tool", r.tool},         {"version", r.version},         {"source", r.source},
           {"findings", findings},   {"diagnostics", diagnostics}};
  if (r.counters)
    out["counters"] = {{"locks", r.counters->locks}, {"threads", r.counters->threads}, {"edges", r.counters->edges}};
  return out;
}

Finding finding_from_json(const json& j) { return finding_at(j, ""); }

Report report_from_json(const json& j) {
  Reader r(j, "");
  Report report;
  report.tool = r.str("tool");
  if (report.tool != "lockscope") Reader::fail("tool", "expected \"lockscope\", got \"" + report.tool + "\"");
  report.version = r.str("version", false);
  report.source = r.str("source", false);
  if (!j.contains("findings")) Reader::fail("findings", "missing");
  r.each("findings", [&](const json& f, const std::string& p) { report.findings.push_back(finding_at(f, p)); });
  r.each("diagnostics", [&](const json& d, const std::string& p) {
    Reader dr(d, p);
    Diagnostic diag;
    std::string severity = dr.str("severity");
    if (severity == "error") diag.severity = Diagnostic::Severity::Error;
    else if (severity == "note") diag.severity = Diagnostic::Severity::Note;
    else Reader::fail(p + ".severity", "expected \"error\" or \"note\"");
    diag.location = read_location(dr, "location", false);
    diag.message = dr.str("message");
    report.diagnostics.push_back(std::move(diag));
  });
  if (r.has("counters")) {
    Reader cr(r.sub("counters"), r.at("counters"));
    report.counters = RunCounters{cr.number("locks"), cr.number("threads"), cr.number("edges")};
  }
  return report;
}

void write_json(std::ostream& out, const Report& report) { out << to_json(report).dump(2) << '\n'; }

Report read_json(std::istream& in, const std::string& origin) {
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error& e) {
    throw ReportFormatError(origin + ": not valid JSON (" + json_parse_error_text(e) + ")");
  }
  try {
    return report_from_json(j);
  } catch (const ReportFormatError& e) {
    throw ReportFormatError(origin + ": not a lockscope report: " + e.what());
  }
}

Report read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ReportFormatError(path + ": cannot open file");
  return read_json(in, path);
}

}  // namespace lockscope::report
