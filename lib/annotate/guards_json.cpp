#include "annotate/guards_json.h"

#include <nlohmann/json.hpp>

#include "report/json_reader.h"

namespace lockscope::annotate {

namespace {

using json = nlohmann::json;
using Reader = report::JsonReader<GuardsError>;

report::Location read_decl(const Reader& r) {
  report::Location loc{r.str("file"), r.number("line"), r.number("column")};
  if (loc.line == 0 || loc.column == 0) Reader::fail(r.at("line"), "line and column are 1-based");
  return loc;
}

json decl_json(const report::Location& loc) {
  return {{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

}  // namespace

GuardFacts read_guards_json(const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw GuardsError("not valid JSON");
  Reader r(doc, "");
  GuardFacts facts;
  r.each("variables", [&](const json& e, const std::string& path) {
    Reader v(e, path);
    facts.variables.push_back({read_decl(v), v.str("name"), v.str("lock"), v.boolean("pointee")});
  });
  r.each("functions", [&](const json& e, const std::string& path) {
    Reader f(e, path);
    facts.functions.push_back({read_decl(f), f.str("name"), f.strings("locks")});
    if (facts.functions.back().locks.empty()) Reader::fail(f.at("locks"), "expected at least one lock");
  });
  r.each("orders", [&](const json& e, const std::string& path) {
    Reader o(e, path);
    facts.orders.push_back({read_decl(o), o.str("later"), o.str("earlier")});
  });
  return facts;
}

std::string write_guards_json(const GuardFacts& facts) {
  json variables = json::array(), functions = json::array(), orders = json::array();
  for (const GuardedVariable& v : facts.variables) {
    json j = decl_json(v.decl);
    j["name"] = v.name;
    j["lock"] = v.lock;
    if (v.pointee) j["pointee"] = true;
    variables.push_back(j);
  }
  for (const RequiringFunction& f : facts.functions) {
    json j = decl_json(f.decl);
    j["name"] = f.name;
    j["locks"] = f.locks;
    functions.push_back(j);
  }
  for (const LockOrder& o : facts.orders) {
    json j = decl_json(o.later_decl);
    j["later"] = o.later;
    j["earlier"] = o.earlier;
    orders.push_back(j);
  }
  return json{{"variables", variables}, {"functions", functions}, {"orders", orders}}.dump(2) + "\n";
}

}  // namespace lockscope::annotate
