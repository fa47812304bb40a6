#include "cache/unit_record.h"

#include <gtest/gtest.h>

#include "cache/test_dir.h"

namespace lockscope::cache {
namespace {

UnitRecord facts_record() {
  UnitRecord r{"/src/a.cpp", "/build", {}, std::nullopt};
  r.facts.main_file = "/src/a.cpp";
  r.facts.files_read = {"/src/a.cpp", "/src/a.h"};
  facts::Function f;
  f.usr = "c:@F@f#";
  f.name = "f";
  f.blocks.resize(1);
  r.facts.functions.push_back(f);
  return r;
}

TEST(UnitRecord, FactsRoundTrip) {
  testing::TestDir dir;
  const std::string path = dir.file("out/a.cpp.o" + std::string(kRecordSuffix));
  write_record(path, facts_record());
  const UnitRecord back = read_record(path);
  EXPECT_EQ(back.file, "/src/a.cpp");
  EXPECT_EQ(back.directory, "/build");
  EXPECT_FALSE(back.error);
  EXPECT_EQ(back.facts.files_read, facts_record().facts.files_read);
  ASSERT_EQ(back.facts.functions.size(), 1u);
  EXPECT_EQ(back.facts.functions[0].usr, "c:@F@f#");
}

TEST(UnitRecord, ErrorRoundTrip) {
  testing::TestDir dir;
  UnitRecord r{"/src/bad.cpp", "/build", {}, report::Diagnostic{}};
  r.error->location = {"/src/bad.cpp", 3, 9};
  r.error->message = "cannot analyze /src/bad.cpp: expected expression";
  write_record(dir.file("bad.lockscope.json"), r);
  const UnitRecord back = read_record(dir.file("bad.lockscope.json"));
  ASSERT_TRUE(back.error);
  EXPECT_EQ(*back.error, *r.error);
  EXPECT_TRUE(back.facts.functions.empty());
}

TEST(UnitRecord, MalformedRecordsNameTheFile) {
  testing::TestDir dir;
  const std::string garbage = dir.write("g.lockscope.json", "{\"lockscope_unit\": 1, \"file\": ");
  const std::string foreign = dir.write("f.lockscope.json", "{\"something\": \"else\"}");
  const std::string bad_facts =
      dir.write("b.lockscope.json", R"({"lockscope_unit": 1, "file": "a", "directory": "b", "facts": {}})");
  for (const std::string& path : {garbage, foreign, bad_facts, dir.file("missing.lockscope.json")}) {
    try {
      read_record(path);
      ADD_FAILURE() << path << " was accepted";
    } catch (const RecordError& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
  }
}

TEST(UnitRecord, FindsRecordsRecursivelyInNameOrder) {
  testing::TestDir dir;
  dir.write("b/x.o.lockscope.json", "{}");
  dir.write("a/deep/y.o.lockscope.json", "{}");
  dir.write("a/y.o", "");
  dir.write("a/z.o.lockscope.json.tmp-12345678", "");
  EXPECT_EQ(find_records(dir.path()),
            (std::vector<std::string>{dir.file("a/deep/y.o.lockscope.json"), dir.file("b/x.o.lockscope.json")}));
  EXPECT_EQ(find_records(dir.file("b/x.o.lockscope.json")), std::vector<std::string>{dir.file("b/x.o.lockscope.json")});
  EXPECT_THROW(find_records(dir.file("a/y.o")), RecordError);
  EXPECT_THROW(find_records(dir.file("nowhere")), RecordError);
}

TEST(UnitRecord, NamesAreUniquePerKey) {
  EXPECT_EQ(record_name("/src/a.cpp", "0123456789abcdef"), "a.cpp.0123456789abcdef.lockscope.json");
  EXPECT_NE(record_name("/src/a.cpp", "0123456789abcdef"), record_name("/lib/a.cpp", "fedcba9876543210"));
}

}  // namespace
}  // namespace lockscope::cache
