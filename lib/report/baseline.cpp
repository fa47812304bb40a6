#include "report/baseline.h"

#include <fstream>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/json_error.h"

namespace lockscope::report {

using nlohmann::json;

namespace {
constexpr const char* kTool = "lockscope-baseline";
constexpr int kFormat = 1;

[[noreturn]] void fail(const std::string& origin, const std::string& what) {
  throw BaselineError(origin + ": not a lockscope baseline: " + what);
}

std::string string_field(const json& entry, const char* key, const std::string& where, const std::string& origin,
                         bool required) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) {
    if (required) fail(origin, where + "." + key + " is missing");
    return {};
  }
  if (!it->is_string()) fail(origin, where + "." + key + " must be a string");
  return it->get<std::string>();
}
}  // namespace

Baseline make_baseline(const std::vector<Finding>& findings) {
  Baseline b;
  for (const Finding& f : findings) b.entries.push_back({fingerprint(f), f.kind, f.function, f.location.file, f.message});
  return b;
}

void write_baseline(std::ostream& out, const Baseline& baseline) {
  json entries = json::array();
  for (const BaselineEntry& e : baseline.entries)
    entries.push_back({{"fingerprint", e.fingerprint}, {"kind", e.kind}, {"function", e.function},
                       {"file", e.file}, {"message", e.message}});
  out << json{{"tool", kTool}, {"format", kFormat}, {"findings", entries}}.dump(2) << '\n';
}

void write_baseline_file(const std::string& path, const Baseline& baseline) {
  std::ofstream out(path);
  if (!out) throw BaselineError(path + ": cannot write baseline file");
  write_baseline(out, baseline);
  if (!out.flush()) throw BaselineError(path + ": cannot write baseline file");
}

Baseline read_baseline(std::istream& in, const std::string& origin) {
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error& e) {
    throw BaselineError(origin + ": not valid JSON (" + json_parse_error_text(e) + ")");
  }
  if (!j.is_object()) fail(origin, "expected a JSON object");
  if (j.value("tool", json()) != kTool) fail(origin, "\"tool\" must be \"" + std::string(kTool) + "\"");
  if (j.value("format", json()) != kFormat)
    fail(origin, "unsupported \"format\" (this lockscope reads format " + std::to_string(kFormat) + ")");
  auto findings = j.find("findings");
  if (findings == j.end() || !findings->is_array()) fail(origin, "\"findings\" must be an array");
  Baseline b;
  for (size_t i = 0; i < findings->size(); ++i) {
    const json& e = (*findings)[i];
    std::string where = "findings[" + std::to_string(i) + "]";
    if (!e.is_object()) fail(origin, where + " must be an object");
    BaselineEntry entry{string_field(e, "fingerprint", where, origin, true), string_field(e, "kind", where, origin, false),
                        string_field(e, "function", where, origin, false), string_field(e, "file", where, origin, false),
                        string_field(e, "message", where, origin, false)};
    if (entry.fingerprint.size() != 16 || entry.fingerprint.find_first_not_of("0123456789abcdef") != std::string::npos)
      fail(origin, where + ".fingerprint must be 16 lowercase hex digits");
    b.entries.push_back(std::move(entry));
  }
  return b;
}

Baseline load_baseline(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw BaselineError(path + ": cannot open baseline file");
  return read_baseline(in, path);
}

std::vector<Finding> new_findings(const std::vector<Finding>& findings, const Baseline& baseline) {
  std::map<std::string, int> remaining;
  for (const BaselineEntry& e : baseline.entries) ++remaining[e.fingerprint];
  std::vector<Finding> fresh;
  for (const Finding& f : findings) {
    auto it = remaining.find(fingerprint(f));
    if (it != remaining.end() && it->second > 0) {
      --it->second;
    } else {
      fresh.push_back(f);
    }
  }
  return fresh;
}

}  // namespace lockscope::report
