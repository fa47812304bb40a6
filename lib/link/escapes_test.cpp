#include "link/escapes.h"

#include <gtest/gtest.h>

namespace lockscope::link {
namespace {

using facts::Event;
using facts::Path;

Path local(const std::string& id) {
  Path p;
  p.root = Path::Root::Local;
  p.id = id;
  p.name = id;
  return p;
}

Path param(int i) {
  Path p;
  p.root = Path::Root::Param;
  p.param = i;
  return p;
}

Path self() {
  Path p;
  p.root = Path::Root::This;
  return p;
}

Event event(Event::Kind kind, std::vector<Path> args, std::vector<std::string> callees = {}, Path receiver = {}) {
  Event e;
  e.kind = kind;
  e.args = std::move(args);
  e.callees = std::move(callees);
  e.receiver = std::move(receiver);
  return e;
}

facts::Function function(const std::string& usr, std::vector<Event> events) {
  facts::Function f;
  f.usr = usr;
  f.name = usr;
  f.blocks.resize(1);
  f.blocks[0].events = std::move(events);
  return f;
}

TEST(Escapes, LocalsHandedToThreadsDirectlyOrThroughCallsAndUnknownCalls) {
  facts::TranslationUnitFacts unit;
  unit.main_file = "a.c";
  unit.functions.push_back(function("start", {event(Event::Kind::Spawn, {param(0)})}));      // hands on its param
  unit.functions.push_back(function("relay", {event(Event::Kind::Call, {param(1)}, {"start"})}));  // param 1 -> start
  unit.functions.push_back(function("pure", {}));                                               // keeps what it gets
  unit.functions.push_back(function("Worker::run", {event(Event::Kind::Store, {self()})}));      // stores `this`
  unit.functions.push_back(function(
      "caller", {event(Event::Kind::Spawn, {local("given")}),
                 event(Event::Kind::Call, {local("kept"), local("relayed")}, {"relay"}),
                 event(Event::Kind::Call, {local("kept2")}, {"pure"}),
                 event(Event::Kind::Call, {local("unknown")}, {"library_fn"}),
                 event(Event::Kind::Call, {}, {"Worker::run"}, local("worker")),
                 event(Event::Kind::Call, {}, {"pure"}, local("plain_object"))}));
  Program program({unit});
  Escapes escapes(program);
  EXPECT_TRUE(escapes.local_escapes("given"));
  EXPECT_TRUE(escapes.local_escapes("relayed"));  // relay's parameter 1 reaches a thread start
  EXPECT_FALSE(escapes.local_escapes("kept"));    // relay's parameter 0 goes nowhere
  EXPECT_FALSE(escapes.local_escapes("kept2"));
  EXPECT_TRUE(escapes.local_escapes("unknown"));  // a call the link cannot see into
  EXPECT_TRUE(escapes.local_escapes("worker"));   // `this` stored with a callable
  EXPECT_FALSE(escapes.local_escapes("plain_object"));
}

}  // namespace
}  // namespace lockscope::link
