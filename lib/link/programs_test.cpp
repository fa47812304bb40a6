// Several programs in one compile database: a call to a symbol two programs define differently
// means the definition in the caller's own program.
#include "link/programs.h"

#include <gtest/gtest.h>

#include "link/program.h"

namespace lockscope::link {
namespace {

facts::Function fn(const std::string& usr, const std::string& file, unsigned line, std::vector<std::string> calls = {},
                   bool is_main = false) {
  facts::Function f;
  f.usr = usr;
  f.name = usr;
  f.loc = {file, line, 1};
  f.is_main = is_main;
  f.blocks.resize(1);
  for (const auto& c : calls) {
    facts::Event e;
    e.kind = facts::Event::Kind::Call;
    e.callees = {c};
    f.blocks[0].events.push_back(e);
  }
  return f;
}

facts::TranslationUnitFacts unit(const std::string& file, std::vector<facts::Function> fns) {
  facts::TranslationUnitFacts u;
  u.main_file = file;
  u.functions = std::move(fns);
  return u;
}

TEST(Programs, ADuplicatedSymbolResolvesInTheCallersProgram) {
  // The test app comes first and defines an empty STATS_LOCK; the server's items.c calls the
  // server's own, which memcached.c defines.
  Program p({unit("testapp.c", {fn("main", "testapp.c", 1, {}, true), fn("STATS_LOCK", "testapp.c", 5)}),
             unit("items.c", {fn("item_alloc", "items.c", 3, {"STATS_LOCK"})}),
             unit("memcached.c", {fn("main", "memcached.c", 1, {"item_alloc"}, true), fn("STATS_LOCK", "memcached.c", 9)})});
  const facts::Function* caller = p.function("item_alloc");
  ASSERT_NE(caller, nullptr);
  auto targets = p.targets({"STATS_LOCK"}, false, caller);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0]->loc.file, "memcached.c");
  EXPECT_TRUE(p.resolution_notes().empty());
}

TEST(Programs, AnInlineFunctionSharedByUnitsIsOneDefinition) {
  Program p({unit("a.c", {fn("helper", "h.h", 2)}), unit("b.c", {fn("helper", "h.h", 2)})});
  EXPECT_EQ(p.targets({"helper"}, false).size(), 1u);
  EXPECT_EQ(p.functions().size(), 1u);
}

TEST(Programs, ADuplicateNoMainPlacesIsANote) {
  Program p({unit("a.c", {fn("f", "a.c", 2)}), unit("b.c", {fn("f", "b.c", 7)}),
             unit("c.c", {fn("g", "c.c", 1, {"f"})})});
  auto targets = p.targets({"f"}, false, p.function("g"));
  ASSERT_EQ(targets.size(), 1u);
  ASSERT_EQ(p.resolution_notes().size(), 1u);
  EXPECT_NE(p.resolution_notes()[0].message.find("defined differently"), std::string::npos);
}

TEST(Programs, MembershipFollowsSymbolsOnlyOneUnitDefines) {
  std::vector<UnitLinks> units(3);
  units[0].has_main = true;
  units[0].calls = {"lib_fn"};
  units[1].calls = {"dup"};
  units[2].has_main = true;
  ProgramMembership m(units, {{"lib_fn", {1}}, {"dup", {0, 2}}});
  EXPECT_TRUE(m.share_a_program(0, 1));
  EXPECT_FALSE(m.share_a_program(1, 2));
  EXPECT_FALSE(m.share_a_program(0, 2));
}

}  // namespace
}  // namespace lockscope::link
