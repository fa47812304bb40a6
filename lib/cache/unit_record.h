#pragma once
// The facts of one translation unit as a file, for when extraction and link run in different
// processes or machines: `lockscope check --shard I/N --facts-out DIR` writes one per unit, the
// compiler launcher (`lockscope-extract`) writes `foo.o.lockscope.json` next to each object, and
// `lockscope link` reads them back. A unit that could not be analyzed is a record too, holding
// its error, so the link reports it exactly as a single `lockscope check` would.
//
//   {"lockscope_unit": 1, "file": "/abs/a.cpp", "directory": "/abs/build",
//    "facts": {...facts_json...}}            or   "error": {...report JSON, one diagnostic...}
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "report/finding.h"

namespace lockscope::cache {

// A record file that is missing, unreadable or malformed; the message names the file.
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kRecordSuffix = ".lockscope.json";

struct UnitRecord {
  std::string file;       // absolute main source file
  std::string directory;  // compile directory (where suppressions' relative names resolve)
  facts::TranslationUnitFacts facts;        // empty when `error` is set
  std::optional<report::Diagnostic> error;  // why the unit was not analyzed
};

void write_record(const std::string& path, const UnitRecord& record);  // atomically; throws WriteError
UnitRecord read_record(const std::string& path);                        // throws RecordError

// Every *.lockscope.json under `path` (recursively; `path` itself if it is such a file), sorted,
// so the link sees the same order whatever the file system's. Throws RecordError when `path`
// does not exist or cannot be listed.
std::vector<std::string> find_records(const std::string& path);

// A file name for the record of `file` compiled with key `key` (unit_key.h), unique in a shared
// --facts-out directory: "a.cpp.<key>.lockscope.json".
std::string record_name(const std::string& file, const std::string& key);

}  // namespace lockscope::cache
