#pragma once
// SARIF 2.1.0 output, shaped for GitHub code scanning (`--format sarif`):
//
//   - one rule per finding kind (report::all_kinds()), with its summary as description and help;
//   - one result per finding: ruleId/ruleIndex, message, the primary location, the function as a
//     logical location, every located note as a relatedLocation;
//   - a codeFlow for each cycle (lock-order-inversion, deadlock): one threadFlow per thread, one
//     step per lock-order edge, so code scanning shows the cycle as a path;
//   - partialFingerprints {"lockscope/v1": fingerprint(finding)}, which do not depend on lines, so
//     alerts keep their identity when code moves (fingerprint.h);
//   - report diagnostics as invocation notifications (errors make executionSuccessful false).
//
// File names become URIs: paths under `base_directory` are written relative to it (code scanning
// resolves them against the repository root), other absolute paths as file:// URIs.
#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "report/finding.h"

namespace lockscope::report {

struct SarifOptions {
  std::string base_directory;  // absolute; usually the repository root (the CLI passes the cwd)
};

nlohmann::json to_sarif(const Report& report, const SarifOptions& options = {});
void write_sarif(std::ostream& out, const Report& report, const SarifOptions& options = {});

// A path as a SARIF artifactLocation.uri (percent-encoded, relative to base_directory when under it).
std::string sarif_uri(const std::string& path, const std::string& base_directory);

}  // namespace lockscope::report
