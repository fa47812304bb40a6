#include "facts/facts_json.h"

#include <algorithm>

#include "report/json_reader.h"

#include <string>

namespace lockscope::facts {

using nlohmann::json;

namespace {

// ---- writing -------------------------------------------------------------------------------

json loc_json(const Location& l) { return json{{"file", l.file}, {"line", l.line}, {"column", l.column}}; }

const char* root_name(Path::Root r) {
  switch (r) {
    case Path::Root::Global: return "global";
    case Path::Root::Local: return "local";
    case Path::Root::Param: return "param";
    case Path::Root::This: return "this";
    case Path::Root::Unknown: break;
  }
  return "unknown";
}

const char* kind_name(Event::Kind k) {
  switch (k) {
    case Event::Kind::Acquire: return "acquire";
    case Event::Kind::Release: return "release";
    case Event::Kind::Call: return "call";
    case Event::Kind::Spawn: return "spawn";
    case Event::Kind::Join: return "join";
    case Event::Kind::Access: return "access";
    case Event::Kind::Bind: return "bind";
    case Event::Kind::Recursive: return "recursive";
    case Event::Kind::Store: return "store";
  }
  return "?";
}

json path_json(const Path& p) {
  json j{{"root", root_name(p.root)}, {"name", p.name}};
  if (!p.id.empty()) j["id"] = p.id;
  if (p.root == Path::Root::Param) j["param"] = p.param;
  if (!p.fields.empty()) {
    json fs = json::array();
    for (const auto& f : p.fields) fs.push_back(json{{"id", f.id}, {"name", f.name}});
    j["fields"] = fs;
  }
  return j;
}

json paths_json(const std::vector<Path>& ps) {
  json a = json::array();
  for (const auto& p : ps) a.push_back(path_json(p));
  return a;
}

// Only the fields that matter for the kind are written: facts files stay small and readable.
json event_json(const Event& e) {
  json j{{"kind", kind_name(e.kind)}, {"loc", loc_json(e.loc)}};
  if (e.in_loop) j["in_loop"] = true;
  switch (e.kind) {
    case Event::Kind::Acquire:
      j["try"] = e.is_try;
      j["recursive"] = e.recursive;
      [[fallthrough]];
    case Event::Kind::Release:
    case Event::Kind::Recursive:
      j["locks"] = paths_json(e.locks);
      j["mode"] = e.mode == LockMode::Shared ? "shared" : "exclusive";
      break;
    case Event::Kind::Call:
    case Event::Kind::Spawn:
    case Event::Kind::Join:
    case Event::Kind::Store:
      j["callees"] = e.callees;
      j["callee_name"] = e.callee_name;
      j["virtual"] = e.is_virtual;
      j["receiver"] = path_json(e.receiver);
      j["args"] = paths_json(e.args);
      if (e.target.known()) j["target"] = path_json(e.target);
      if (e.value.known()) j["value"] = path_json(e.value);
      break;
    case Event::Kind::Access:
      j["target"] = path_json(e.target);
      j["write"] = e.write;
      break;
    case Event::Kind::Bind:
      j["target"] = path_json(e.target);
      j["value"] = path_json(e.value);
      break;
  }
  return j;
}

json events_json(const std::vector<Event>& es) {
  json a = json::array();
  for (const auto& e : es) a.push_back(event_json(e));
  return a;
}

json function_json(const Function& f) {
  json blocks = json::array();
  for (const auto& b : f.blocks) {
    json succs = json::array();
    for (const auto& s : b.succs) {
      json sj{{"to", s.to}};
      if (!s.events.empty()) sj["events"] = events_json(s.events);
      succs.push_back(sj);
    }
    blocks.push_back(json{{"events", events_json(b.events)}, {"succs", succs}});
  }
  return json{{"usr", f.usr},       {"name", f.name},          {"class", f.class_name},
              {"loc", loc_json(f.loc)}, {"params", f.params},  {"overrides", f.overrides},
              {"main", f.is_main},  {"initializer", f.is_initializer}, {"entry", f.entry},
              {"exit", f.exit},     {"blocks", blocks},  {"access", static_cast<int>(f.access)},
              {"ctor", f.is_constructor}, {"dtor", f.is_destructor}, {"static", f.is_static},
              {"external", f.external}};
}

// ---- reading -------------------------------------------------------------------------------

using Reader = report::JsonReader<FactsFormatError>;

Location read_loc(const json& j, const std::string& path) {
  Reader r(j, path);
  return Location{r.str("file"), r.number("line"), r.number("column", false)};
}

Path read_path(const json& j, const std::string& path) {
  Reader r(j, path);
  Path p;
  std::string root = r.str("root");
  if (root == "global") p.root = Path::Root::Global;
  else if (root == "local") p.root = Path::Root::Local;
  else if (root == "param") p.root = Path::Root::Param;
  else if (root == "this") p.root = Path::Root::This;
  else if (root == "unknown") p.root = Path::Root::Unknown;
  else Reader::fail(r.at("root"), "unknown root '" + root + "'");
  p.name = r.str("name");
  p.id = r.str("id", false);
  if (p.root == Path::Root::Param) p.param = r.integer("param");
  r.each("fields", [&](const json& f, const std::string& fp) {
    Reader fr(f, fp);
    p.fields.push_back(Path::Field{fr.str("id"), fr.str("name")});
  });
  return p;
}

std::vector<Path> read_paths(const Reader& r, const char* key) {
  std::vector<Path> out;
  r.each(key, [&](const json& p, const std::string& pp) { out.push_back(read_path(p, pp)); }, true);
  return out;
}

Event read_event(const json& j, const std::string& path) {
  Reader r(j, path);
  Event e;
  std::string kind = r.str("kind");
  static const std::pair<const char*, Event::Kind> kinds[] = {
      {"acquire", Event::Kind::Acquire}, {"release", Event::Kind::Release},
      {"call", Event::Kind::Call},       {"spawn", Event::Kind::Spawn},
      {"join", Event::Kind::Join},       {"access", Event::Kind::Access},
      {"bind", Event::Kind::Bind},       {"recursive", Event::Kind::Recursive},
      {"store", Event::Kind::Store}};
  bool found = false;
  for (const auto& [n, k] : kinds)
    if (kind == n) e.kind = k, found = true;
  if (!found) Reader::fail(r.at("kind"), "unknown event kind '" + kind + "'");
  e.loc = read_loc(r.sub("loc"), r.at("loc"));
  e.in_loop = r.boolean("in_loop");
  switch (e.kind) {
    case Event::Kind::Acquire:
      e.is_try = r.boolean("try", true);
      e.recursive = r.boolean("recursive", true);
      [[fallthrough]];
    case Event::Kind::Release:
    case Event::Kind::Recursive: {
      e.locks = read_paths(r, "locks");
      std::string mode = r.str("mode");
      if (mode != "shared" && mode != "exclusive") Reader::fail(r.at("mode"), "expected shared or exclusive");
      e.mode = mode == "shared" ? LockMode::Shared : LockMode::Exclusive;
      break;
    }
    case Event::Kind::Call:
    case Event::Kind::Spawn:
    case Event::Kind::Join:
    case Event::Kind::Store:
      e.callees = r.strings("callees");
      e.callee_name = r.str("callee_name");
      e.is_virtual = r.boolean("virtual", true);
      e.receiver = read_path(r.sub("receiver"), r.at("receiver"));
      e.args = read_paths(r, "args");
      if (r.has("target")) e.target = read_path(r.sub("target"), r.at("target"));
      if (r.has("value")) e.value = read_path(r.sub("value"), r.at("value"));
      break;
    case Event::Kind::Access:
      e.target = read_path(r.sub("target"), r.at("target"));
      e.write = r.boolean("write", true);
      break;
    case Event::Kind::Bind:
      e.target = read_path(r.sub("target"), r.at("target"));
      e.value = read_path(r.sub("value"), r.at("value"));
      break;
  }
  return e;
}

std::vector<Event> read_events(const Reader& r, const char* key, bool required) {
  std::vector<Event> out;
  r.each(key, [&](const json& e, const std::string& p) { out.push_back(read_event(e, p)); }, required);
  return out;
}

Function read_function(const json& j, const std::string& path) {
  Reader r(j, path);
  Function f;
  f.usr = r.str("usr");
  if (f.usr.empty()) Reader::fail(r.at("usr"), "must not be empty");
  f.name = r.str("name");
  f.class_name = r.str("class", false);
  f.loc = read_loc(r.sub("loc"), r.at("loc"));
  f.params = r.strings("params");
  f.overrides = r.strings("overrides");
  f.is_main = r.boolean("main");
  f.is_initializer = r.boolean("initializer");
  if (j.contains("access")) f.access = static_cast<Function::Access>(std::min(r.number("access"), 3u));
  f.is_constructor = r.boolean("ctor");
  f.is_destructor = r.boolean("dtor");
  f.is_static = r.boolean("static");
  if (j.contains("external")) f.external = r.boolean("external");
  f.entry = r.number("entry");
  f.exit = r.number("exit");
  r.each("blocks", [&](const json& b, const std::string& bp) {
    Reader br(b, bp);
    Block block;
    block.events = read_events(br, "events", true);
    br.each("succs", [&](const json& s, const std::string& sp) {
      Reader sr(s, sp);
      Edge edge;
      edge.to = sr.number("to");
      edge.events = read_events(sr, "events", false);
      block.succs.push_back(std::move(edge));
    }, true);
    f.blocks.push_back(std::move(block));
  }, true);
  // Block ids index the vector: a dangling id would crash the link, so reject it here.
  auto check = [&](unsigned id, const std::string& where) {
    if (id >= f.blocks.size()) Reader::fail(where, "block " + std::to_string(id) + " does not exist");
  };
  check(f.entry, r.at("entry"));
  check(f.exit, r.at("exit"));
  for (size_t b = 0; b < f.blocks.size(); ++b)
    for (size_t s = 0; s < f.blocks[b].succs.size(); ++s)
      check(f.blocks[b].succs[s].to,
            r.at("blocks") + "[" + std::to_string(b) + "].succs[" + std::to_string(s) + "].to");
  return f;
}

}  // namespace

json to_json(const TranslationUnitFacts& facts) {
  json functions = json::array();
  for (const auto& f : facts.functions) functions.push_back(function_json(f));
  json diags = json::array();
  for (const auto& d : facts.diagnostics)
    diags.push_back(json{{"severity", d.severity == report::Diagnostic::Severity::Error ? "error" : "note"},
                         {"location", loc_json(d.location)},
                         {"message", d.message}});
  return json{{"lockscope_facts", kFactsFormatVersion},
              {"main_file", facts.main_file},
              {"files_read", facts.files_read},
              {"functions", functions},
              {"diagnostics", diags}};
}

// Unprefixed errors; facts_from_json adds "facts: ".
static TranslationUnitFacts read_facts(const json& j) {
  Reader r(j, "");
  if (r.number("lockscope_facts") != kFactsFormatVersion)
    Reader::fail("lockscope_facts", "unsupported facts format version (expected " +
                                        std::to_string(kFactsFormatVersion) + ")");
  TranslationUnitFacts facts;
  facts.main_file = r.str("main_file");
  facts.files_read = r.strings("files_read");
  r.each("functions", [&](const json& f, const std::string& p) { facts.functions.push_back(read_function(f, p)); });
  r.each("diagnostics", [&](const json& d, const std::string& p) {
    Reader dr(d, p);
    report::Diagnostic diag;
    std::string sev = dr.str("severity");
    if (sev != "error" && sev != "note") Reader::fail(dr.at("severity"), "expected error or note");
    diag.severity = sev == "error" ? report::Diagnostic::Severity::Error : report::Diagnostic::Severity::Note;
    diag.location = read_loc(dr.sub("location"), dr.at("location"));
    diag.message = dr.str("message");
    facts.diagnostics.push_back(std::move(diag));
  });
  return facts;
}

TranslationUnitFacts facts_from_json(const json& j) {
  try {
    return read_facts(j);
  } catch (const FactsFormatError& e) {
    throw FactsFormatError(std::string("facts: ") + e.what());
  }
}

}  // namespace lockscope::facts
