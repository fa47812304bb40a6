#include "cache/unit_record.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include "cache/atomic_file.h"
#include "facts/facts_json.h"
#include "report/json_io.h"

namespace lockscope::cache {

using nlohmann::json;

namespace {

constexpr int kRecordFormatVersion = 1;

UnitRecord parse_record(const json& j) {
  if (!j.is_object()) throw RecordError("not a JSON object");
  if (!j.contains("lockscope_unit") || j.at("lockscope_unit") != kRecordFormatVersion)
    throw RecordError("not a lockscope unit record of format " + std::to_string(kRecordFormatVersion));
  UnitRecord r;
  r.file = j.at("file").get<std::string>();
  r.directory = j.at("directory").get<std::string>();
  if (j.contains("error")) {
    report::Report error = report::report_from_json(j.at("error"));
    if (error.diagnostics.size() != 1) throw RecordError("error: expected exactly one diagnostic");
    r.error = error.diagnostics.front();
  } else {
    r.facts = facts::facts_from_json(j.at("facts"));
  }
  return r;
}

}  // namespace

void write_record(const std::string& path, const UnitRecord& record) {
  json j{{"lockscope_unit", kRecordFormatVersion}, {"file", record.file}, {"directory", record.directory}};
  if (record.error) {
    report::Report error;
    error.diagnostics.push_back(*record.error);
    j["error"] = report::to_json(error);
  } else {
    j["facts"] = facts::to_json(record.facts);
  }
  write_atomically(path, j.dump());
}

UnitRecord read_record(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RecordError(path + ": cannot read the unit record");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return parse_record(json::parse(text.str()));
  } catch (const RecordError& e) {
    throw RecordError(path + ": " + e.what());
  } catch (const json::exception& e) {
    throw RecordError(path + ": malformed unit record: " + e.what());
  } catch (const facts::FactsFormatError& e) {
    throw RecordError(path + ": malformed facts: " + e.what());
  } catch (const report::ReportFormatError& e) {
    throw RecordError(path + ": malformed error: " + e.what());
  }
}

std::vector<std::string> find_records(const std::string& path) {
  llvm::sys::fs::file_status status;
  if (llvm::sys::fs::status(path, status)) throw RecordError(path + ": no such file or directory");
  if (!llvm::sys::fs::is_directory(status)) {
    if (!llvm::StringRef(path).ends_with(kRecordSuffix))
      throw RecordError(path + ": not a directory or a *" + std::string(kRecordSuffix) + " file");
    return {path};
  }
  std::vector<std::string> found;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(path, ec), end; it != end && !ec; it.increment(ec)) {
    // Temporaries of writers still at work (atomic_file.h) end in ".tmp-XXXXXXXX", not the suffix.
    if (llvm::StringRef(it->path()).ends_with(kRecordSuffix) && it->type() != llvm::sys::fs::file_type::directory_file)
      found.push_back(it->path());
  }
  if (ec) throw RecordError(path + ": cannot list: " + ec.message());
  std::sort(found.begin(), found.end());
  return found;
}

std::string record_name(const std::string& file, const std::string& key) {
  return std::string(llvm::sys::path::filename(file)) + "." + key + kRecordSuffix;
}

}  // namespace lockscope::cache
