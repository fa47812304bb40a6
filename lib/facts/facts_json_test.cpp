#include "facts/facts_json.h"

#include <gtest/gtest.h>

namespace lockscope::facts {
namespace {

TranslationUnitFacts sample() {
  TranslationUnitFacts t;
  t.main_file = "a.cpp";
  t.files_read = {"a.cpp", "m.h"};
  Function f;
  f.usr = "c:@F@worker#";
  f.name = "worker";
  f.loc = {"a.cpp", 3, 6};
  f.params = {"m"};
  f.entry = 1;
  f.exit = 0;
  f.blocks.resize(2);
  Event acq;
  acq.kind = Event::Kind::Acquire;
  acq.loc = {"a.cpp", 4, 3};
  Path p;
  p.root = Path::Root::Param;
  p.param = 0;
  p.name = "m";
  p.fields.push_back({"Account::mu_", "mu_"});
  acq.locks = {p};
  acq.is_try = true;
  acq.in_loop = true;
  f.blocks[1].events.push_back(acq);
  Event call;
  call.kind = Event::Kind::Call;
  call.callees = {"c:@F@helper#"};
  call.callee_name = "helper";
  call.args = {p, Path{}};
  call.is_virtual = true;
  Edge e;
  e.to = 0;
  e.events.push_back(call);
  f.blocks[1].succs.push_back(e);
  t.functions.push_back(f);
  t.diagnostics.push_back({report::Diagnostic::Severity::Note, {"a.cpp", 9, 1}, "gave up"});
  return t;
}

TEST(FactsJson, RoundTripKeepsEveryField) {
  TranslationUnitFacts t = sample();
  TranslationUnitFacts back = facts_from_json(nlohmann::json::parse(to_json(t).dump()));
  EXPECT_EQ(back.main_file, "a.cpp");
  EXPECT_EQ(back.files_read, t.files_read);
  ASSERT_EQ(back.functions.size(), 1u);
  const Function& f = back.functions[0];
  EXPECT_EQ(f.usr, "c:@F@worker#");
  EXPECT_EQ(f.entry, 1u);
  ASSERT_EQ(f.blocks.size(), 2u);
  ASSERT_EQ(f.blocks[1].events.size(), 1u);
  const Event& a = f.blocks[1].events[0];
  EXPECT_EQ(a.kind, Event::Kind::Acquire);
  EXPECT_TRUE(a.is_try);
  EXPECT_TRUE(a.in_loop);
  EXPECT_EQ(a.locks, t.functions[0].blocks[1].events[0].locks);
  ASSERT_EQ(f.blocks[1].succs.size(), 1u);
  ASSERT_EQ(f.blocks[1].succs[0].events.size(), 1u);
  const Event& c = f.blocks[1].succs[0].events[0];
  EXPECT_TRUE(c.is_virtual);
  EXPECT_EQ(c.args.size(), 2u);
  EXPECT_FALSE(c.args[1].known());
  ASSERT_EQ(back.diagnostics.size(), 1u);
  EXPECT_EQ(back.diagnostics[0], t.diagnostics[0]);
}

TEST(FactsJson, StoreEventsKeepTheHolderTheCallableAndTheValue) {
  TranslationUnitFacts t = sample();
  Path holder;
  holder.root = Path::Root::This;
  holder.name = "this";
  holder.fields.push_back({"Pool::tasks_", "tasks_"});
  Event store;
  store.kind = Event::Kind::Store;
  store.loc = {"a.cpp", 5, 3};
  store.target = holder;
  store.callees = {"c:lambda"};
  store.callee_name = "lambda at a.cpp:5";
  Path task;
  task.root = Path::Root::Local;
  task.id = "c:task";
  task.name = "task";
  Event flow;
  flow.kind = Event::Kind::Store;
  flow.target = task;
  flow.value = holder;
  Event erased;
  erased.kind = Event::Kind::Call;
  erased.target = task;
  t.functions[0].blocks[0].events = {store, flow, erased};
  TranslationUnitFacts back = facts_from_json(nlohmann::json::parse(to_json(t).dump()));
  const auto& es = back.functions[0].blocks[0].events;
  ASSERT_EQ(es.size(), 3u);
  EXPECT_EQ(es[0].kind, Event::Kind::Store);
  EXPECT_EQ(es[0].target, holder);
  EXPECT_EQ(es[0].callees, store.callees);
  EXPECT_FALSE(es[0].value.known());
  EXPECT_EQ(es[1].value, holder);
  EXPECT_TRUE(es[2].callees.empty());
  EXPECT_EQ(es[2].target, task);
}

TEST(FactsJson, MalformedInputNamesTheField) {
  nlohmann::json j = to_json(sample());
  j["functions"][0]["blocks"][1]["succs"][0]["to"] = 7;
  try {
    facts_from_json(j);
    FAIL() << "dangling block id accepted";
  } catch (const FactsFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("functions[0].blocks[1].succs[0].to"), std::string::npos) << e.what();
  }
  j = to_json(sample());
  j["functions"][0]["blocks"][1]["events"][0]["kind"] = "teleport";
  EXPECT_THROW(facts_from_json(j), FactsFormatError);
  EXPECT_THROW(facts_from_json(nlohmann::json::array()), FactsFormatError);
  j = to_json(sample());
  j["lockscope_facts"] = 99;
  EXPECT_THROW(facts_from_json(j), FactsFormatError);
}

}  // namespace
}  // namespace lockscope::facts
