#include "facts/ids.h"

#include <gtest/gtest.h>

namespace lockscope::facts {
namespace {

Path field_path(Path::Root root, std::string id, std::vector<std::string> fields) {
  Path p;
  p.root = root;
  p.id = id;
  p.name = id;
  if (root == Path::Root::Param) p.param = 1;
  for (const auto& f : fields) p.fields.push_back({"C::" + f, f});
  return p;
}

TEST(Ids, SamePathSameIdAcrossInterning) {
  Interner in;
  ObjectId a = in.intern(field_path(Path::Root::Global, "c:@g", {"mu"}), "");
  ObjectId b = in.intern(field_path(Path::Root::Global, "c:@g", {"mu"}), "");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.kind, ObjectId::Kind::Global);
  EXPECT_EQ(in.display(a), "c:@g.mu");
  EXPECT_NE(a, in.intern(field_path(Path::Root::Global, "c:@g", {"other"}), ""));
}

TEST(Ids, ThisNamesTheClassAndParamsTheirIndex) {
  Interner in;
  ObjectId mu = in.intern(field_path(Path::Root::This, "", {"mu_"}), "Account");
  EXPECT_EQ(mu.kind, ObjectId::Kind::This);
  EXPECT_EQ(in.display(mu), "Account::mu_");
  ObjectId p = in.intern(field_path(Path::Root::Param, "", {"m"}), "");
  EXPECT_EQ(p.kind, ObjectId::Kind::Param);
  EXPECT_EQ(p.root, 1u);
}

TEST(Ids, ConcatSubstitutesAParameterByTheCallersObject) {
  Interner in;
  ObjectId inner = in.intern(field_path(Path::Root::Param, "", {"m"}), "");
  ObjectId arg = in.intern(field_path(Path::Root::This, "", {"impl_"}), "DB");
  ObjectId out = in.with_fields(arg, inner.fields);
  EXPECT_EQ(out, in.intern(field_path(Path::Root::This, "", {"impl_", "m"}), "DB"));
  EXPECT_TRUE(in.chains().is_prefix(arg.fields, out.fields));
  EXPECT_FALSE(in.chains().is_prefix(out.fields, arg.fields));
}

TEST(Ids, LongChainsAreCutShort) {
  Interner in;
  std::vector<std::string> deep;
  for (int i = 0; i < 20; ++i) deep.push_back("next");
  deep.push_back("mu");
  ObjectId id = in.intern(field_path(Path::Root::Global, "c:@head", deep), "");
  EXPECT_LE(in.chains().length(id.fields), FieldChains::kMaxFieldHops);
  EXPECT_NE(in.display(id).find("~"), std::string::npos);
}

TEST(Ids, LockSetStaysSortedAndIntersects) {
  Interner in;
  ObjectId a = in.intern(field_path(Path::Root::Global, "a", {}), "");
  ObjectId b = in.intern(field_path(Path::Root::Global, "b", {}), "");
  LockSet s, t;
  EXPECT_TRUE(s.insert({b, LockMode::Exclusive}));
  EXPECT_TRUE(s.insert({a, LockMode::Shared}));
  EXPECT_FALSE(s.insert({a, LockMode::Exclusive}));
  EXPECT_EQ(s.begin()->lock, a);
  t.insert({b, LockMode::Exclusive});
  s.intersect(t);
  EXPECT_EQ(s.size(), 1u);
  EXPECT_TRUE(s.contains(b));
  EXPECT_TRUE(s.erase(b));
  EXPECT_TRUE(s.empty());
}

}  // namespace
}  // namespace lockscope::facts
