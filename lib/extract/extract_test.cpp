// Source snippet in, facts out: checks what extraction records, not what the link concludes.
#include "extract/extract.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace lockscope::extract {
namespace {

using facts::Event;
using facts::Path;

facts::TranslationUnitFacts extract(const std::string& code, const char* std = "-std=c++20") {
  facts::TranslationUnitFacts out;
  bool c = std::string(std) == "-std=c11";
  EXPECT_TRUE(extract_code(code, c ? "input.c" : "input.cpp", {std, "-pthread", "-resource-dir", LOCKSCOPE_CLANG_RESOURCE_DIR}, out));
  return out;
}

const facts::Function* find(const facts::TranslationUnitFacts& t, const std::string& name) {
  for (const auto& f : t.functions)
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<const Event*> events(const facts::Function& f, Event::Kind kind) {
  std::vector<const Event*> out;
  for (const auto& b : f.blocks) {
    for (const auto& e : b.events)
      if (e.kind == kind) out.push_back(&e);
    for (const auto& s : b.succs)
      for (const auto& e : s.events)
        if (e.kind == kind) out.push_back(&e);
  }
  // Block ids run against source order; tests read events in source order.
  std::stable_sort(out.begin(), out.end(), [](const Event* a, const Event* b) { return a->loc < b->loc; });
  return out;
}

TEST(Extract, GuardAcquiresAtConstructionAndReleasesAtScopeEnd) {
  auto t = extract(R"(
#include <mutex>
std::mutex a;
void f() { std::lock_guard<std::mutex> g(a); }
)");
  const facts::Function* f = find(t, "f");
  ASSERT_NE(f, nullptr);
  auto acq = events(*f, Event::Kind::Acquire);
  auto rel = events(*f, Event::Kind::Release);
  ASSERT_EQ(acq.size(), 1u);
  ASSERT_EQ(rel.size(), 1u);
  EXPECT_EQ(acq[0]->locks[0].root, Path::Root::Global);
  EXPECT_EQ(acq[0]->locks[0].name, "a");
  EXPECT_EQ(acq[0]->loc.line, 4u);
  EXPECT_FALSE(acq[0]->is_try);
}

TEST(Extract, TryLockAcquiresOnlyOnTheSuccessEdge) {
  auto t = extract(R"(
#include <mutex>
#include <pthread.h>
std::mutex a;
pthread_mutex_t p = PTHREAD_MUTEX_INITIALIZER;
void f() { if (a.try_lock()) a.unlock(); }
void g() { if (pthread_mutex_trylock(&p) == 0) pthread_mutex_unlock(&p); }
)");
  for (const char* name : {"f", "g"}) {
    const facts::Function* f = find(t, name);
    ASSERT_NE(f, nullptr) << name;
    for (const auto& b : f->blocks)
      for (const auto& e : b.events) EXPECT_NE(e.kind, Event::Kind::Acquire) << name << " acquires unconditionally";
    auto acq = events(*f, Event::Kind::Acquire);
    ASSERT_EQ(acq.size(), 1u) << name;
    EXPECT_TRUE(acq[0]->is_try);
  }
}

TEST(Extract, MemberLockKeepsTheReceiverApart) {
  auto t = extract(R"(
#include <mutex>
struct Account {
  std::mutex mu_;
  void transfer(Account& other) { std::lock_guard a(mu_); std::lock_guard b(other.mu_); }
};
)");
  const facts::Function* f = find(t, "Account::transfer");
  ASSERT_NE(f, nullptr);
  auto acq = events(*f, Event::Kind::Acquire);
  ASSERT_EQ(acq.size(), 2u);
  EXPECT_EQ(acq[0]->locks[0].root, Path::Root::This);
  EXPECT_EQ(acq[1]->locks[0].root, Path::Root::Param);
  EXPECT_EQ(acq[1]->locks[0].param, 0);
  ASSERT_EQ(acq[1]->locks[0].fields.size(), 1u);
  EXPECT_EQ(acq[1]->locks[0].fields[0].id, "Account::mu_");
}

TEST(Extract, ThreadStartsNameTheirEntries) {
  auto t = extract(R"(
#include <thread>
#include <mutex>
std::mutex m;
void work(std::mutex* mu) {}
struct W { void run() {} };
int main() {
  W w;
  std::thread a(work, &m);
  std::thread b(&W::run, &w);
  std::thread c([&] { w.run(); });
  for (int i = 0; i < 2; ++i) { std::thread d(work, &m); d.join(); }
  a.join(); b.join(); c.join();
}
)");
  const facts::Function* f = find(t, "main");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->is_main);
  auto sp = events(*f, Event::Kind::Spawn);
  ASSERT_EQ(sp.size(), 4u);
  EXPECT_EQ(sp[0]->callee_name, "work");
  ASSERT_EQ(sp[0]->args.size(), 1u);
  EXPECT_EQ(sp[0]->args[0].name, "m");
  EXPECT_FALSE(sp[0]->in_loop);
  EXPECT_EQ(sp[1]->callee_name, "W::run");
  EXPECT_EQ(sp[1]->receiver.root, Path::Root::Local);
  EXPECT_EQ(sp[2]->callee_name.rfind("lambda at", 0), 0u);
  ASSERT_EQ(sp[2]->args.size(), 1u);  // the captured w
  EXPECT_EQ(sp[2]->args[0].name, "w");
  EXPECT_TRUE(sp[3]->in_loop);
  EXPECT_EQ(events(*f, Event::Kind::Join).size(), 4u);
}

TEST(Extract, CFunctionsAndPthreadCreate) {
  auto t = extract(R"(
#include <pthread.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void lock_it(pthread_mutex_t* p) { pthread_mutex_lock(p); }
static void* worker(void* arg) { lock_it(&m); pthread_mutex_unlock(&m); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); pthread_join(t, 0); return 0; }
)", "-std=c11");
  const facts::Function* l = find(t, "lock_it");
  ASSERT_NE(l, nullptr);
  auto acq = events(*l, Event::Kind::Acquire);
  ASSERT_EQ(acq.size(), 1u);
  EXPECT_EQ(acq[0]->locks[0].root, Path::Root::Param);
  const facts::Function* w = find(t, "worker");
  ASSERT_NE(w, nullptr);
  auto calls = events(*w, Event::Kind::Call);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]->args[0].name, "m");
  auto sp = events(*find(t, "main"), Event::Kind::Spawn);
  ASSERT_EQ(sp.size(), 1u);
  EXPECT_EQ(sp[0]->callee_name, "worker");
}

TEST(Extract, ComputedArrayIndexStaysUnknown) {
  auto t = extract(R"(
#include <mutex>
std::mutex forks[5];
void f(int i) { forks[i].lock(); forks[2].lock(); }
)");
  auto acq = events(*find(t, "f"), Event::Kind::Acquire);
  ASSERT_EQ(acq.size(), 2u);
  EXPECT_FALSE(acq[0]->locks[0].known());
  ASSERT_TRUE(acq[1]->locks[0].known());
  EXPECT_EQ(acq[1]->locks[0].fields.back().id, "[2]");
}

TEST(Extract, AccessesOfSharedMemory) {
  auto t = extract(R"(
int counter;
struct S { int n; };
void f(S& s) { int local = 0; counter++; local = counter; s.n = local; }
)");
  auto acc = events(*find(t, "f"), Event::Kind::Access);
  ASSERT_EQ(acc.size(), 3u);  // counter++ (write), counter (read), s.n (write); `local` is private
  EXPECT_TRUE(acc[0]->write);
  EXPECT_FALSE(acc[1]->write);
  EXPECT_EQ(acc[2]->target.root, Path::Root::Param);
}

TEST(Extract, AUnitWithErrorsIsNotWalked) {
  // After a fatal missing-include error clang leaves a recovery AST on which CFG::buildCFG
  // crashed (a destructor calling an undeclared name): the unit must fail, not crash.
  facts::TranslationUnitFacts out;
  EXPECT_FALSE(extract_code(R"(#include <missing/catch.hpp>
#include <memory>
namespace n {
class sink { public: virtual ~sink() = default; };
class logger {
 public:
  ~logger() { TEST_CASE_HELPER(); }
  std::shared_ptr<sink> s;
};
}
int main() { n::logger l; }
)",
                            "input.cpp", {"-std=c++17", "-resource-dir", LOCKSCOPE_CLANG_RESOURCE_DIR}, out));
  EXPECT_TRUE(out.functions.empty());
}

TEST(Extract, AReferenceBoundToItselfEndsTheHolderSearch) {
  // `auto& r = r;` compiles (with a warning): following a holder through references must stop.
  facts::TranslationUnitFacts out;
  EXPECT_TRUE(extract_code(R"(#include <functional>
int main() {
  std::function<void()>& r = r;
  r();
}
)",
                           "input.cpp", {"-std=c++17", "-resource-dir", LOCKSCOPE_CLANG_RESOURCE_DIR}, out));
  EXPECT_FALSE(out.functions.empty());
}

TEST(Extract, LibraryCallsWriteTheirDestinationFieldByField) {
  auto t = extract(R"(
#include <stdlib.h>
#include <string.h>
struct stats { long samples; long total; };
struct stats st;
char status[16];
long *slots;
void f(const char *s) {
  struct stats mine;
  memset(&st, 0, sizeof st);
  strcpy(status, s);
  free(slots);
  memcpy(&mine, &st, sizeof mine);
}
)", "-std=c11");
  const facts::Function* f = find(t, "f");
  ASSERT_NE(f, nullptr);
  std::vector<std::string> seen;
  for (const Event* e : events(*f, Event::Kind::Access)) {
    std::string target = e->target.name;
    for (const auto& fld : e->target.fields) target += "." + fld.name;
    seen.push_back(std::to_string(e->loc.line) + (e->write ? " write " : " read ") + target);
  }
  // memset writes each field of st; strcpy the array; free what slots points to (after reading the
  // pointer); memcpy writes the fields of mine (a local whose address is taken: the link finds it
  // private) and reads those of st.
  EXPECT_EQ(seen, (std::vector<std::string>{"10 write st.samples", "10 write st.total", "11 write status",
                                            "12 write slots", "12 read slots", "13 write mine.samples",
                                            "13 write mine.total", "13 read st.samples", "13 read st.total"}));
}

TEST(Extract, ATryLockWhoseResultIsIgnoredAcquiresNothingAndSaysSo) {
  auto t = extract(R"(
#include <pthread.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
void f() {
  pthread_mutex_trylock(&m);
  pthread_mutex_unlock(&m);
  if (pthread_mutex_trylock(&m) == 0) pthread_mutex_unlock(&m);
}
)", "-std=c11");
  const facts::Function* f = find(t, "f");
  ASSERT_NE(f, nullptr);
  auto acq = events(*f, Event::Kind::Acquire);
  ASSERT_EQ(acq.size(), 1u);  // the tested one, on its success edge
  EXPECT_EQ(acq[0]->loc.line, 7u);
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].location.line, 5u);
  EXPECT_NE(t.diagnostics[0].message.find("is ignored"), std::string::npos);
}

}  // namespace
}  // namespace lockscope::extract
