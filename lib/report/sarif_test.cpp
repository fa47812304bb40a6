#include "report/sarif.h"

#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/kinds.h"

namespace lockscope::report {
namespace {

using nlohmann::json;

// The part of the SARIF 2.1.0 schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json) that
// covers every object we emit: for each definition its properties (the schema sets
// additionalProperties: false on all of them), what is required, and which definition each
// object- or array-valued property holds. A writer change that emits an unknown property, drops a
// required one or nests the wrong object fails here.
struct Definition {
  std::set<std::string> properties;
  std::vector<std::vector<std::string>> any_of_required;  // at least one group fully present
  std::map<std::string, std::string> children;            // property -> definition (object or array items)
  std::set<std::string> min_one_item;                     // arrays with minItems: 1
  std::set<std::string> positive_integers;                // minimum: 1
};

const std::map<std::string, Definition>& schema() {
  static const std::map<std::string, Definition> defs = {
      {"sarifLog", {{"$schema", "version", "runs", "inlineExternalProperties", "properties"},
                    {{"version", "runs"}}, {{"runs", "run"}}, {}, {}}},
      {"run", {{"tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
                "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
                "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
                "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
                "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"},
               {{"tool"}}, {{"tool", "tool"}, {"results", "result"}, {"invocations", "invocation"}, {"properties", "propertyBag"}}, {}, {}}},
      {"tool", {{"driver", "extensions", "properties"}, {{"driver"}}, {{"driver", "toolComponent"}}, {}, {}}},
      {"toolComponent", {{"guid", "name", "organization", "product", "productSuite", "shortDescription",
                          "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                          "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications",
                          "rules", "taxa", "locations", "language", "contents", "isComprehensive",
                          "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                          "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"},
                         {{"name"}}, {{"rules", "reportingDescriptor"}}, {}, {}}},
      {"reportingDescriptor", {{"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                                "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
                                "helpUri", "help", "relationships", "properties"},
                               {{"id"}},
                               {{"shortDescription", "multiformatMessageString"},
                                {"fullDescription", "multiformatMessageString"},
                                {"help", "multiformatMessageString"},
                                {"defaultConfiguration", "reportingConfiguration"},
                                {"properties", "propertyBag"}}, {}, {}}},
      {"reportingConfiguration", {{"enabled", "level", "rank", "parameters", "properties"}, {}, {}, {}, {}}},
      {"multiformatMessageString", {{"text", "markdown", "properties"}, {{"text"}}, {}, {}, {}}},
      {"message", {{"text", "markdown", "id", "arguments", "properties"}, {{"text"}, {"id"}}, {}, {}, {}}},
      {"propertyBag", {{}, {}, {}, {}, {}}},  // additionalProperties: true
      {"result", {{"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
                   "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
                   "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState",
                   "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
                   "webRequest", "webResponse", "properties"},
                  {{"message"}},
                  {{"message", "message"}, {"locations", "location"}, {"relatedLocations", "location"},
                   {"codeFlows", "codeFlow"}, {"partialFingerprints", "stringMap"}}, {}, {}}},
      {"stringMap", {{}, {}, {}, {}, {}}},
      {"location", {{"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
                     "properties"},
                    {},
                    {{"physicalLocation", "physicalLocation"}, {"logicalLocations", "logicalLocation"},
                     {"message", "message"}}, {}, {}}},
      {"logicalLocation", {{"name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind",
                            "properties"}, {}, {}, {}, {}}},
      {"physicalLocation", {{"address", "artifactLocation", "region", "contextRegion", "properties"},
                            {{"address"}, {"artifactLocation"}},
                            {{"artifactLocation", "artifactLocation"}, {"region", "region"}}, {}, {}}},
      {"artifactLocation", {{"uri", "uriBaseId", "index", "description", "properties"}, {}, {}, {}, {}}},
      {"region", {{"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
                   "byteLength", "snippet", "message", "sourceLanguage", "properties"},
                  {}, {}, {}, {"startLine", "startColumn", "endLine", "endColumn"}}},
      {"codeFlow", {{"message", "threadFlows", "properties"}, {{"threadFlows"}},
                    {{"message", "message"}, {"threadFlows", "threadFlow"}}, {"threadFlows"}, {}}},
      {"threadFlow", {{"id", "message", "initialState", "immutableState", "locations", "properties"}, {{"locations"}},
                      {{"message", "message"}, {"locations", "threadFlowLocation"}}, {"locations"}, {}}},
      {"threadFlowLocation", {{"index", "location", "stack", "kinds", "taxa", "module", "state", "nestingLevel",
                               "executionOrder", "executionTimeUtc", "importance", "webRequest", "webResponse",
                               "properties"},
                              {}, {{"location", "location"}}, {}, {}}},
      {"invocation", {{"commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                       "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                       "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                       "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful",
                       "machine", "account", "processId", "executableLocation", "workingDirectory",
                       "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"},
                      {{"executionSuccessful"}}, {{"toolExecutionNotifications", "notification"}}, {}, {}}},
      {"notification", {{"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
                         "associatedRule", "properties"},
                        {{"message"}}, {{"locations", "location"}, {"message", "message"}}, {}, {}}},
  };
  return defs;
}

void validate(const json& j, const std::string& def_name, const std::string& path, std::vector<std::string>& errors) {
  const Definition& def = schema().at(def_name);
  if (!j.is_object()) {
    errors.push_back(path + ": expected an object (" + def_name + ")");
    return;
  }
  if (def_name == "stringMap") {
    for (const auto& [k, v] : j.items())
      if (!v.is_string()) errors.push_back(path + "." + k + ": expected a string");
    return;
  }
  if (def_name != "propertyBag") {
    for (const auto& [k, v] : j.items())
      if (!def.properties.count(k)) errors.push_back(path + "." + k + ": not a property of " + def_name);
  }
  if (!def.any_of_required.empty()) {
    bool satisfied = false;
    for (const auto& group : def.any_of_required) {
      bool all = true;
      for (const auto& p : group) all = all && j.contains(p);
      satisfied = satisfied || all;
    }
    if (!satisfied) errors.push_back(path + ": missing a required property of " + def_name);
  }
  for (const auto& p : def.positive_integers)
    if (j.contains(p) && !(j[p].is_number_integer() && j[p].get<long long>() >= 1))
      errors.push_back(path + "." + p + ": expected an integer >= 1");
  for (const auto& [p, child] : def.children) {
    if (!j.contains(p)) continue;
    const json& v = j[p];
    if (v.is_array()) {
      if (def.min_one_item.count(p) && v.empty()) errors.push_back(path + "." + p + ": needs at least one item");
      for (size_t i = 0; i < v.size(); ++i) validate(v[i], child, path + "." + p + "[" + std::to_string(i) + "]", errors);
    } else {
      validate(v, child, path + "." + p, errors);
    }
  }
}

std::vector<std::string> validate_log(const json& log) {
  std::vector<std::string> errors;
  validate(log, "sarifLog", "$", errors);
  if (log.value("version", "") != "2.1.0") errors.push_back("$.version: expected \"2.1.0\"");
  return errors;
}

Report sample() {
  Report r;
  r.version = "0.1.0";
  r.source = "static";
  Finding cycle;
  cycle.kind = "lock-order-inversion";
  cycle.message = "lock order inversion between 'a' and 'b'";
  cycle.location = {"/repo/src/bank.cpp", 20, 5};
  cycle.notes = {{{"/repo/src/bank.cpp", 12, 3}, "'b' acquired here while holding 'a' (thread entry: t1)"},
                 {{"/repo/src/bank.cpp", 20, 5}, "'a' acquired here while holding 'b' (thread entry: t2)"},
                 {{}, "both threads start in main"}};
  cycle.locks = {"a", "b"};
  cycle.threads = {{"", "", "t1"}, {"", "", "t2"}};
  cycle.edges = {{"a", "b", {"/repo/src/bank.cpp", 12, 3}, "t1"}, {"b", "a", {"/repo/src/bank.cpp", 20, 5}, "t2"}};
  cycle.function = "t2";
  Finding race;
  race.kind = "data-race";
  race.message = "unguarded write to 'counter'";
  race.location = {"src/counter.c", 7, 0};
  race.notes = {{{"src/counter.c", 9, 10}, "conflicting read in reader"}};
  race.function = "writer";
  r.findings = {cycle, race};
  r.diagnostics = {{Diagnostic::Severity::Note, {"src/odd.cpp", 3, 1}, "gave up on a lock reached through a pointer"}};
  return r;
}

TEST(Sarif, SampleReportMatchesTheSchema) {
  json log = to_sarif(sample(), {"/repo"});
  std::vector<std::string> errors = validate_log(log);
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors) << "\n" << log.dump(2);
}

TEST(Sarif, ValidatorCatchesBrokenLogs) {
  // The validator itself must fail on the mistakes it is there to catch.
  json log = to_sarif(sample(), {"/repo"});
  json no_message = log;
  no_message["runs"][0]["results"][0].erase("message");
  json extra = log;
  extra["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["line"] = 3;
  json empty_flow = log;
  empty_flow["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"] = json::array();
  json zero_line = log;
  zero_line["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  for (const json* bad : {&no_message, &extra, &empty_flow, &zero_line}) EXPECT_FALSE(validate_log(*bad).empty());
}

TEST(Sarif, OneRulePerKindWithHelp) {
  json rules = to_sarif(Report{})["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_kinds().size());
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(rules[i]["id"], std::string(all_kinds()[i].name));
    EXPECT_NE(rules[i]["help"]["text"].get<std::string>().find(std::string(all_kinds()[i].summary)), std::string::npos);
  }
}

TEST(Sarif, ResultCarriesRuleLocationsNotesAndFingerprint) {
  Report r = sample();
  json result = to_sarif(r, {"/repo"})["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "lock-order-inversion");
  EXPECT_EQ(result["ruleIndex"], 0);
  const json& phys = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(phys["artifactLocation"]["uri"], "src/bank.cpp");
  EXPECT_EQ(phys["region"]["startLine"], 20);
  EXPECT_EQ(phys["region"]["startColumn"], 5);
  EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "t2");
  ASSERT_EQ(result["relatedLocations"].size(), 2u);  // the unlocated note goes into the message
  EXPECT_EQ(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 12);
  EXPECT_NE(result["message"]["text"].get<std::string>().find("both threads start in main"), std::string::npos);
  EXPECT_EQ(result["partialFingerprints"]["lockscope/v1"], fingerprint(r.findings[0]));
  EXPECT_FALSE(result.contains("properties"));  // no evidence stated
}

TEST(Sarif, EvidenceIsAResultProperty) {
  Report r = sample();
  r.findings[0].evidence = kEvidenceConcurrentApi;
  json result = to_sarif(r, {"/repo"})["runs"][0]["results"][0];
  EXPECT_EQ(result["properties"]["lockscope.evidence"], "concurrent-api");
}

TEST(Sarif, CycleBecomesACodeFlowWithAThreadFlowPerThread) {
  json result = to_sarif(sample(), {"/repo"})["runs"][0]["results"][0];
  ASSERT_EQ(result["codeFlows"].size(), 1u);
  const json& flows = result["codeFlows"][0]["threadFlows"];
  ASSERT_EQ(flows.size(), 2u);
  EXPECT_EQ(flows[0]["id"], "t1");
  EXPECT_EQ(flows[0]["locations"][0]["location"]["physicalLocation"]["region"]["startLine"], 12);
  EXPECT_EQ(flows[1]["locations"][0]["location"]["message"]["text"], "'a' acquired while holding 'b' (thread t2)");
  json race = to_sarif(sample(), {"/repo"})["runs"][0]["results"][1];
  EXPECT_FALSE(race.contains("codeFlows"));
  EXPECT_FALSE(race["locations"][0]["physicalLocation"]["region"].contains("startColumn"));
}

TEST(Sarif, FingerprintDoesNotMoveWithLines) {
  Report moved = sample();
  moved.findings[0].location.line += 40;
  for (auto& e : moved.findings[0].edges) e.location.line += 40;
  EXPECT_EQ(to_sarif(moved)["runs"][0]["results"][0]["partialFingerprints"],
            to_sarif(sample())["runs"][0]["results"][0]["partialFingerprints"]);
}

TEST(Sarif, DiagnosticsBecomeNotifications) {
  Report r = sample();
  json inv = to_sarif(r)["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], true);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"], "note");
  r.diagnostics.push_back({Diagnostic::Severity::Error, {}, "cannot parse x.cpp"});
  EXPECT_EQ(to_sarif(r)["runs"][0]["invocations"][0]["executionSuccessful"], false);
  EXPECT_TRUE(validate_log(to_sarif(r)).empty());
}

TEST(Sarif, UrisAreRelativeUnderTheBaseAndEncoded) {
  EXPECT_EQ(sarif_uri("/repo/src/a b.cpp", "/repo"), "src/a%20b.cpp");
  EXPECT_EQ(sarif_uri("/repo/src/a.cpp", "/repo/"), "src/a.cpp");
  EXPECT_EQ(sarif_uri("/repository/a.cpp", "/repo"), "file:///repository/a.cpp");
  EXPECT_EQ(sarif_uri("src/a.cpp", "/repo"), "src/a.cpp");
  EXPECT_EQ(sarif_uri("/usr/include/c++/12/mutex", ""), "file:///usr/include/c%2B%2B/12/mutex");
}

TEST(Sarif, WritesParseableJson) {
  std::ostringstream out;
  write_sarif(out, sample());
  json back = json::parse(out.str());
  EXPECT_EQ(back["version"], "2.1.0");
  EXPECT_EQ(back["runs"][0]["results"].size(), 2u);
}

}  // namespace
}  // namespace lockscope::report
