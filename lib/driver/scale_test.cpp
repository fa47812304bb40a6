// --cache-dir, --shard, --facts-out and `lockscope link`'s input, through run_check with the fake
// extraction (test_support.h). The real extraction's part (headers in files_read) is covered end
// to end in tests/scale.
#include "driver/scale.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "driver/check.h"
#include "driver/check_options.h"
#include "driver/test_support.h"
#include "report/json_io.h"

namespace lockscope::driver {
namespace {

using testing::db_entry;
using testing::record_main_file;
using testing::ScratchDir;

report::Report one_finding_per_unit(const std::vector<facts::TranslationUnitFacts>& units, const link::Options&) {
  report::Report r;
  for (const auto& u : units) r.findings.push_back({"data-race", "in " + u.main_file, {u.main_file, 1, 1}});
  return r;
}

std::string json_of(const report::Report& r) { return report::to_json(r).dump(); }

class Scale : public ::testing::Test {
 protected:
  void write_project(const std::vector<std::string>& files, const std::vector<std::string>& broken = {}) {
    std::string json = "[";
    for (const std::string& f : files) {
      const bool bad = std::find(broken.begin(), broken.end(), f) != broken.end();
      dir.write(f, bad ? "int x = ;\n" : "int " + f.substr(0, 1) + ";\n");
      json += (json.size() > 1 ? ", " : "") + db_entry(dir.path(), f);
    }
    dir.write("build/compile_commands.json", json + "]");
  }
  CheckOptions options() {
    CheckOptions o;
    o.build_dir = dir.file("build");
    o.jobs = 2;
    return o;
  }
  CheckResult check(const CheckOptions& o) { return run_check(o, record_main_file, one_finding_per_unit); }
  ScratchDir dir;
};

TEST_F(Scale, CacheSkipsUnchangedUnitsAndReparsesChangedOnes) {
  write_project({"a.cpp", "b.cpp", "c.cpp"});
  CheckOptions o = options();
  o.cache_dir = dir.file("cache");
  const CheckResult cold = check(o);
  EXPECT_EQ(cold.from_cache, 0u);
  const CheckResult warm = check(o);
  EXPECT_EQ(warm.from_cache, 3u);
  EXPECT_EQ(warm.jobs, 0u);  // nothing was parsed
  EXPECT_EQ(json_of(warm.report), json_of(cold.report));
  EXPECT_TRUE(warm.warnings.empty());

  dir.write("b.cpp", "int b2;\n");
  const CheckResult one_changed = check(o);
  EXPECT_EQ(one_changed.from_cache, 2u);
  EXPECT_EQ(json_of(one_changed.report), json_of(cold.report));
}

TEST_F(Scale, LinkIsSkippedWhenNoFactsChanged) {
  write_project({"a.cpp", "b.cpp"});
  CheckOptions o = options();
  o.cache_dir = dir.file("cache");
  int links = 0;
  auto counting = [&](const std::vector<facts::TranslationUnitFacts>& units, const link::Options& lo) {
    ++links;
    return one_finding_per_unit(units, lo);
  };
  const CheckResult cold = run_check(o, record_main_file, counting);
  const CheckResult warm = run_check(o, record_main_file, counting);
  EXPECT_EQ(links, 1);
  EXPECT_TRUE(warm.link_from_cache);
  EXPECT_EQ(json_of(warm.report), json_of(cold.report));
  o.races = false;  // other options: another link
  run_check(o, record_main_file, counting);
  EXPECT_EQ(links, 2);
  dir.write("c.cpp", "int c;\n");  // other facts: another link
  write_project({"a.cpp", "b.cpp", "c.cpp"});
  o.races = true;
  run_check(o, record_main_file, counting);
  EXPECT_EQ(links, 3);
}

TEST_F(Scale, BrokenUnitIsNeverCached) {
  write_project({"a.cpp", "bad.cpp"}, {"bad.cpp"});
  CheckOptions o = options();
  o.cache_dir = dir.file("cache");
  check(o);
  const CheckResult again = check(o);
  EXPECT_EQ(again.from_cache, 1u);
  EXPECT_EQ(again.failed, 1u);
  EXPECT_EQ(again.exit_status, report::kExitError);
}

TEST_F(Scale, CorruptCacheEntryIsReparsedWithAWarning) {
  write_project({"a.cpp"});
  CheckOptions o = options();
  o.cache_dir = dir.file("cache");
  const CheckResult cold = check(o);
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(*o.cache_dir, ec), end; it != end && !ec; it.increment(ec))
    dir.write(it->path().substr(dir.path().size() + 1), "garbage");
  const CheckResult after = check(o);
  EXPECT_EQ(after.from_cache, 0u);
  EXPECT_FALSE(after.link_from_cache);
  ASSERT_EQ(after.warnings.size(), 2u);  // the unit's entry and the link's
  for (const std::string& w : after.warnings) EXPECT_NE(w.find("ignoring cache entry"), std::string::npos) << w;
  EXPECT_EQ(json_of(after.report), json_of(cold.report));
}

TEST_F(Scale, ShardsLinkToTheReportOfOneCheck) {
  write_project({"e.cpp", "a.cpp", "d.cpp", "bad.cpp", "c.cpp"}, {"bad.cpp"});
  const CheckResult whole = check(options());
  size_t units = 0;
  for (unsigned i = 1; i <= 3; ++i) {
    CheckOptions o = options();
    o.shard = cache::Shard{i, 3};
    o.facts_out = dir.file("facts");
    const CheckResult shard = check(o);
    EXPECT_TRUE(shard.report.findings.empty());  // no link in a shard
    EXPECT_EQ(shard.exit_status, shard.failed > 0 ? report::kExitError : report::kExitClean);
    units += shard.units;
  }
  EXPECT_EQ(units, 5u);
  LoadedUnits loaded = read_unit_records({dir.file("facts")});
  EXPECT_EQ(loaded.units.size(), 5u);
  EXPECT_TRUE(loaded.duplicates.empty());
  const CheckResult linked =
      link_outcomes(loaded.units, std::move(loaded.outcomes), options(), one_finding_per_unit);
  EXPECT_EQ(json_of(linked.report), json_of(whole.report));
  EXPECT_EQ(linked.exit_status, whole.exit_status);
  EXPECT_EQ(linked.failed, 1u);
  EXPECT_EQ(linked.sources, whole.sources);
}

TEST_F(Scale, SourceRecordedTwiceIsLinkedOnce) {
  write_project({"a.cpp", "b.cpp"});
  for (const char* out : {"one", "two"}) {
    CheckOptions o = options();
    o.facts_out = dir.file(out);
    check(o);
  }
  const LoadedUnits loaded = read_unit_records({dir.file("one"), dir.file("two")});
  EXPECT_EQ(loaded.units.size(), 2u);
  EXPECT_EQ(loaded.duplicates.size(), 2u);
}

TEST_F(Scale, NoRecordsIsAnInputError) {
  dir.write("empty/readme.txt", "");
  EXPECT_THROW(read_unit_records({dir.file("empty")}), InputError);
  EXPECT_THROW(read_unit_records({dir.file("missing")}), InputError);
}

TEST(ScaleOptions, ParseAndValidate) {
  const CheckOptions o = parse_check_args({"-p", "b", "--cache-dir", "c", "--shard", "2/3", "--facts-out", "f"});
  EXPECT_EQ(o.cache_dir, "c");
  EXPECT_EQ(o.shard, (cache::Shard{2, 3}));
  EXPECT_EQ(o.facts_out, "f");
  EXPECT_THROW(parse_check_args({"-p", "b", "--shard", "1/2"}), UsageError);
  EXPECT_THROW(parse_check_args({"-p", "b", "--shard", "3/2", "--facts-out", "f"}), UsageError);
  EXPECT_THROW(parse_check_args({"-p", "b", "--cache-dir="}), UsageError);
}

}  // namespace
}  // namespace lockscope::driver
