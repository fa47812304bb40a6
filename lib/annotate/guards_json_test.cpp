#include "annotate/guards_json.h"

#include <gtest/gtest.h>

namespace lockscope::annotate {
namespace {

TEST(GuardsJson, RoundTrip) {
  GuardFacts facts;
  facts.variables.push_back({{"a.h", 3, 7}, "n_", "mu_", false});
  facts.variables.push_back({{"a.h", 4, 8}, "p_", "mu_", true});
  facts.functions.push_back({{"a.h", 9, 8}, "Apply", {"mu_", "other_"}});
  facts.orders.push_back({{"a.h", 2, 14}, "b_", "a_"});
  EXPECT_EQ(read_guards_json(write_guards_json(facts)), facts);
}

TEST(GuardsJson, BadInputNamesTheField) {
  EXPECT_THROW(read_guards_json("{"), GuardsError);
  try {
    read_guards_json(R"({"variables": [{"file": "a.h", "line": 1, "column": 1, "name": "n"}]})");
    FAIL();
  } catch (const GuardsError& e) {
    EXPECT_STREQ(e.what(), "variables[0].lock: missing");
  }
  try {
    read_guards_json(R"({"functions": [{"file": "a.h", "line": 1, "column": 1, "name": "f", "locks": []}]})");
    FAIL();
  } catch (const GuardsError& e) {
    EXPECT_STREQ(e.what(), "functions[0].locks: expected at least one lock");
  }
}

}  // namespace
}  // namespace lockscope::annotate
