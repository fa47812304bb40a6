#include "cache/report_cache.h"

#include <gtest/gtest.h>

#include "cache/test_dir.h"

namespace lockscope::cache {
namespace {

std::vector<facts::TranslationUnitFacts> program() {
  facts::TranslationUnitFacts a, b;
  a.main_file = "a.cpp";
  b.main_file = "b.cpp";
  facts::Function f;
  f.usr = "c:@F@f#";
  f.blocks.resize(1);
  a.functions.push_back(f);
  return {a, b};
}

TEST(LinkKey, FollowsFactsOrderAndOptions) {
  auto units = program();
  const std::string key = link_key(units, "lock-order,races");
  EXPECT_EQ(link_key(program(), "lock-order,races"), key);
  EXPECT_NE(link_key(units, "races"), key);
  std::swap(units[0], units[1]);
  EXPECT_NE(link_key(units, "lock-order,races"), key);
  units = program();
  units[0].functions[0].blocks[0].events.push_back({});
  EXPECT_NE(link_key(units, "lock-order,races"), key);
}

TEST(ReportCacheTest, RoundTripAndCorruptEntry) {
  testing::TestDir dir;
  ReportCache cache(dir.file("cache"));
  std::vector<std::string> warnings;
  EXPECT_FALSE(cache.load("00000000000000aa", warnings));
  report::Report r;
  r.findings.push_back({"lock-order-inversion", "cycle", {"b.cpp", 3, 4}});
  r.diagnostics.push_back({report::Diagnostic::Severity::Note, {"a.cpp", 1, 1}, "gave up"});
  cache.store("00000000000000aa", r, warnings);
  const auto back = cache.load("00000000000000aa", warnings);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->findings, r.findings);
  EXPECT_EQ(back->diagnostics, r.diagnostics);
  EXPECT_TRUE(warnings.empty());

  dir.write("cache/link-00000000000000aa.json", "{\"findings\": 3");
  EXPECT_FALSE(cache.load("00000000000000aa", warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("ignoring cache entry"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace lockscope::cache
