// Summaries, entry points and the open-code analyses on hand-built facts (no extractor needed).
#include "link/summary.h"

#include <gtest/gtest.h>

#include "link/entry_points.h"
#include "link/open_code.h"

namespace lockscope::link {
namespace {

using facts::Event;
using facts::Path;

Path this_field(std::vector<std::string> fields) {
  Path p;
  p.root = Path::Root::This;
  p.name = "this";
  for (const auto& f : fields) p.fields.push_back({f, f});
  return p;
}

Path global(const std::string& name) { return Path{Path::Root::Global, "c:@" + name, name, -1, {}}; }

Path param(int i, std::vector<std::string> fields = {}) {
  Path p{Path::Root::Param, "", "p", i, {}};
  for (const auto& f : fields) p.fields.push_back({f, f});
  return p;
}

Event lock(Path p, Event::Kind kind = Event::Kind::Acquire, unsigned line = 1) {
  Event e;
  e.kind = kind;
  e.locks.push_back(std::move(p));
  e.loc = {"a.cpp", line, 1};
  return e;
}

Event access(Path p, bool write, unsigned line) {
  Event e;
  e.kind = Event::Kind::Access;
  e.target = std::move(p);
  e.write = write;
  e.loc = {"a.cpp", line, 1};
  return e;
}

Event call(const std::string& usr, Path receiver, std::vector<Path> args = {}, unsigned line = 1) {
  Event e;
  e.kind = Event::Kind::Call;
  e.callees = {usr};
  e.callee_name = usr;
  e.receiver = std::move(receiver);
  e.args = std::move(args);
  e.loc = {"a.cpp", line, 1};
  return e;
}

// One block from entry to exit holding `events`.
facts::Function method(const std::string& cls, const std::string& name, std::vector<Event> events,
                       facts::Function::Access access = facts::Function::Access::Public) {
  facts::Function f;
  f.usr = cls + "::" + name;
  f.name = f.usr;
  f.class_name = cls;
  f.access = access;
  f.loc = {"a.cpp", 1, 1};
  f.blocks.resize(2);
  f.blocks[0].events = std::move(events);
  f.blocks[0].succs.push_back({1, {}});
  f.entry = 0;
  f.exit = 1;
  return f;
}

facts::Function free_function(const std::string& name, std::vector<Event> events) {
  facts::Function f = method("", name, std::move(events), facts::Function::Access::None);
  f.usr = f.name = name;
  f.loc.file = "m.c";
  return f;
}

struct Built {
  explicit Built(std::vector<facts::Function> fns) {
    facts::TranslationUnitFacts u;
    u.main_file = "a.cpp";
    u.functions = std::move(fns);
    program = std::make_unique<Program>(std::vector<facts::TranslationUnitFacts>{u});
    graph = std::make_unique<CallGraph>(*program);
    summaries = std::make_unique<Summaries>(*program, *graph, interner);
  }
  const Summary& of(const std::string& usr) const { return summaries->of(*program->function(usr)); }
  facts::Interner interner;
  std::unique_ptr<Program> program;
  std::unique_ptr<CallGraph> graph;
  std::unique_ptr<Summaries> summaries;
};

facts::Function mutex_lock() { return method("Mutex", "Lock", {lock(this_field({"mu_"}))}); }
facts::Function mutex_unlock() { return method("Mutex", "Unlock", {lock(this_field({"mu_"}), Event::Kind::Release)}); }

TEST(Summary, AWrapperLeavesItsLockHeldAndTheCallerSeesItThroughTheReceiver) {
  Built b({mutex_lock(), mutex_unlock(),
           method("Account", "deposit",
                  {call("Mutex::Lock", this_field({"m"}), {}, 10), access(this_field({"balance"}), true, 11),
                   call("Mutex::Unlock", this_field({"m"}), {}, 12), access(this_field({"balance"}), false, 13)})});
  EXPECT_EQ(b.of("Mutex::Lock").net_acquired.size(), 1u);
  EXPECT_EQ(b.of("Mutex::Unlock").net_released.size(), 1u);
  const Summary& s = b.of("Account::deposit");
  ASSERT_EQ(s.accesses.size(), 2u);
  const SummaryAccess& w = s.accesses[0].write ? s.accesses[0] : s.accesses[1];
  const SummaryAccess& r = s.accesses[0].write ? s.accesses[1] : s.accesses[0];
  ASSERT_EQ(w.held.size(), 1u);
  EXPECT_EQ(b.interner.display(w.held.begin()->lock), "Account::m.mu_");
  EXPECT_TRUE(r.held.empty());  // after the unlock helper
  ASSERT_EQ(s.acquires.size(), 1u);
  EXPECT_EQ(s.acquires[0].site.line, 10u);  // the wrapper's acquisition is placed at its call
  EXPECT_TRUE(s.net_acquired.empty());
}

TEST(Summary, AHelpersAccessIsHeldUnderItsCallersLockWithParametersSubstituted) {
  Built b({method("Q", "bump", {access(param(0, {"count"}), true, 5)}, facts::Function::Access::Private),
           method("Q", "push", {lock(this_field({"mu"})), call("Q::bump", this_field({}), {this_field({"stats"})}, 20)})});
  const Summary& s = b.of("Q::push");
  ASSERT_EQ(s.accesses.size(), 1u);
  EXPECT_EQ(b.interner.display(s.accesses[0].target), "Q::stats.count");
  EXPECT_TRUE(s.accesses[0].held.contains(b.interner.intern(this_field({"mu"}), "Q")));
  ASSERT_EQ(s.accesses[0].chain.size(), 1u);
  EXPECT_EQ(s.accesses[0].chain[0].site.line, 20u);
}

TEST(Summary, AConstructorsBindLetsTheDestructorReleaseTheCallersLock) {
  Event bind;
  bind.kind = Event::Kind::Bind;
  bind.target = this_field({"mu_"});
  bind.value = param(0);
  Path guard{Path::Root::Local, "c:@l", "l", -1, {}};
  Built b({mutex_lock(), mutex_unlock(),
           method("Guard", "Guard", {bind, call("Mutex::Lock", this_field({"mu_"}))}),
           method("Guard", "~Guard", {call("Mutex::Unlock", this_field({"mu_"}))}),
           method("DB", "Put",
                  {call("Guard::Guard", guard, {this_field({"mutex_"})}, 30), access(this_field({"seq"}), true, 31),
                   call("Guard::~Guard", guard, {}, 32)})});
  EXPECT_EQ(b.of("Guard::Guard").binds.size(), 1u);
  const Summary& s = b.of("DB::Put");
  ASSERT_EQ(s.accesses.size(), 1u);
  ASSERT_EQ(s.accesses[0].held.size(), 1u);
  EXPECT_EQ(b.interner.display(s.accesses[0].held.begin()->lock), "DB::mutex_.mu_");
  EXPECT_TRUE(s.net_acquired.empty());  // the guard's destructor released it
}

TEST(Summary, RecursionSettlesWithinItsComponent) {
  Built b({method("T", "walk", {access(this_field({"n"}), true, 3), call("T::walk", this_field({"next"}))})});
  const Summary& s = b.of("T::walk");
  EXPECT_GE(s.accesses.size(), 2u);  // its own and the callee's, one level down (k-limited)
  EXPECT_TRUE(b.summaries->diagnostics().empty() || !s.accesses.empty());
}

TEST(EntryPoints, PublicMethodsOfALockingClassOnlyAndNotItsConstructorOrHelpers) {
  facts::Function ctor = method("A", "A", {access(this_field({"x"}), true, 2)});
  ctor.is_constructor = true;
  Built b({ctor, method("A", "helper", {access(this_field({"x"}), true, 3)}, facts::Function::Access::Private),
           method("A", "set", {lock(this_field({"mu"})), call("A::helper", this_field({}))}),
           method("A", "get", {access(this_field({"x"}), false, 4)}), method("B", "plain", {access(this_field({"y"}), true, 5)})});
  std::vector<EntryPoint> entries = concurrent_entry_points(*b.program, *b.graph, *b.summaries);
  std::vector<std::string> names;
  for (const auto& e : entries) names.push_back(e.fn->name);
  EXPECT_EQ(names, (std::vector<std::string>{"A::get", "A::set"}));
}

report::Report check(std::vector<facts::Function> fns) {
  facts::TranslationUnitFacts u;
  u.main_file = "a.cpp";
  u.functions = std::move(fns);
  Program program({u});
  report::Report out;
  check_open_code(program, {}, out);
  return out;
}

TEST(OpenCode, AWriteWithoutTheLockOtherMethodsTakeIsARace) {
  report::Report r = check({method("Account", "deposit",
                                   {lock(this_field({"mu"})), access(this_field({"balance"}), true, 10),
                                    lock(this_field({"mu"}), Event::Kind::Release)}),
                            method("Account", "withdraw", {access(this_field({"balance"}), true, 20)})});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, "data-race");
  EXPECT_EQ(r.findings[0].location.line, 20u);
  EXPECT_EQ(r.findings[0].evidence, report::kEvidenceConcurrentApi);
  EXPECT_NE(r.findings[0].message.find("'Account::mu'"), std::string::npos) << r.findings[0].message;
}

TEST(OpenCode, EveryAccessUnderTheLockOrNoLockAnywhereIsSilent) {
  EXPECT_TRUE(check({method("A", "f", {lock(this_field({"mu"})), access(this_field({"x"}), true, 10)}),
                     method("A", "g", {lock(this_field({"mu"})), access(this_field({"x"}), false, 20)})})
                  .findings.empty());
  EXPECT_TRUE(check({method("B", "f", {access(this_field({"x"}), true, 10)}),
                     method("B", "g", {access(this_field({"x"}), false, 20)})})
                  .findings.empty());
}

TEST(OpenCode, AReadInAMethodThatTakesNoLockSitsOnTheRead) {
  report::Report r = check({method("B", "push", {lock(this_field({"mu"})), access(this_field({"n"}), true, 10)}),
                            method("B", "size", {access(this_field({"n"}), false, 20)}),
                            method("B", "peek", {lock(this_field({"mu"})), lock(this_field({"mu"}), Event::Kind::Release),
                                                 access(this_field({"n"}), false, 30)})});
  ASSERT_EQ(r.findings.size(), 1u);  // peek reads outside its locked region on purpose: not reported
  EXPECT_EQ(r.findings[0].location.line, 20u);
  EXPECT_NE(r.findings[0].message.find("is read without"), std::string::npos) << r.findings[0].message;
}

TEST(OpenCode, AWriteUnderAReaderLockIsARace) {
  Event rd = lock(this_field({"rw"}));
  rd.mode = facts::LockMode::Shared;
  report::Report r = check({method("C", "touch", {rd, access(this_field({"hits"}), true, 7)})});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].message.find("reader lock"), std::string::npos) << r.findings[0].message;
}

TEST(OpenCode, MembersTakenInBothOrdersInTwoMethodsAreAnInversion) {
  report::Report r = check({method("Bank", "a_to_b", {lock(this_field({"a", "m"}), Event::Kind::Acquire, 10),
                                                      lock(this_field({"b", "m"}), Event::Kind::Acquire, 11)}),
                            method("Bank", "b_to_a", {lock(this_field({"b", "m"}), Event::Kind::Acquire, 20),
                                                      lock(this_field({"a", "m"}), Event::Kind::Acquire, 21)})});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, "lock-order-inversion");
  EXPECT_EQ(r.findings[0].location.line, 21u);
  EXPECT_EQ(r.findings[0].edges.size(), 2u);
}

TEST(OpenCode, AModulesExternalFunctionsRaceOnAGlobalButStaticHelpersAreNoEntries) {
  facts::Function helper = free_function("reset", {access(global("total"), true, 30)});
  helper.external = false;
  report::Report r = check({free_function("add", {lock(global("mu")), access(global("total"), true, 10),
                                                  call("reset", Path{}, {}, 11)}),
                            free_function("peek", {access(global("total"), true, 20)}), helper});
  ASSERT_EQ(r.findings.size(), 1u);  // reset runs only inside add, under the lock
  EXPECT_EQ(r.findings[0].location.line, 20u);
}

}  // namespace
}  // namespace lockscope::link
