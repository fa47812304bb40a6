// End to end: source snippets in, findings out (extraction + link, as `lockscope check` runs them).
#include "link/link.h"

#include <gtest/gtest.h>

#include <set>

#include "extract/extract.h"
#include "facts/facts_json.h"

namespace lockscope::link {
namespace {

struct Source {
  std::string name;
  std::string code;
};

report::Report check(const std::vector<Source>& sources) {
  std::vector<facts::TranslationUnitFacts> units;
  for (const Source& s : sources) {
    bool c = s.name.ends_with(".c");
    facts::TranslationUnitFacts unit;
    EXPECT_TRUE(extract::extract_code(s.code, s.name,
                                      {c ? "-std=c11" : "-std=c++20", "-pthread", "-resource-dir",
                                       LOCKSCOPE_CLANG_RESOURCE_DIR},
                                      unit))
        << s.name;
    // Facts travel as JSON between extraction and link: make every test take that road.
    units.push_back(facts::facts_from_json(nlohmann::json::parse(facts::to_json(unit).dump())));
  }
  return analyze(units);
}

report::Report check(const std::string& code, const std::string& name = "input.cpp") { return check({{name, code}}); }

// "kind@line" for every finding, in canonical order.
std::vector<std::string> found(const report::Report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.kind + "@" + std::to_string(f.location.line));
  return out;
}

using V = std::vector<std::string>;

const char* kClassic = R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() {
  std::lock_guard<std::mutex> la(a);
  std::lock_guard<std::mutex> lb(b);
}
void t2() {
  std::lock_guard<std::mutex> lb(b);
  std::lock_guard<std::mutex> la(a);
}
int main() {
  std::thread x(t1), y(t2);
  x.join();
  y.join();
}
)";

TEST(LockOrder, ClassicTwoThreadInversion) {
  report::Report r = check(kClassic);
  ASSERT_EQ(found(r), V{"lock-order-inversion@10"});
  const report::Finding& f = r.findings[0];
  EXPECT_EQ(f.message, "lock order inversion: 'a' acquired while holding 'b'; elsewhere 'b' is acquired while holding 'a'");
  EXPECT_EQ(f.function, "t2");
  ASSERT_EQ(f.edges.size(), 2u);
  ASSERT_EQ(f.threads.size(), 2u);
  EXPECT_EQ(f.locks.size(), 2u);
}

TEST(LockOrder, OneThreadIsSilent) {
  EXPECT_EQ(found(check(R"(#include <mutex>
std::mutex a, b;
void f() { std::lock_guard la(a); std::lock_guard lb(b); }
void g() { std::lock_guard lb(b); std::lock_guard la(a); }
int main() { f(); g(); }
)")),
            V{});
}

TEST(LockOrder, OneEntryStartedTwiceInALoop) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
#include <vector>
std::mutex a, b;
void work(bool flip) {
  if (flip) { std::lock_guard la(a); std::lock_guard lb(b); }
  else { std::lock_guard lb(b); std::lock_guard la(a); }
}
int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 2; ++i) ts.emplace_back(work, i == 0);
  for (auto& t : ts) t.join();
}
)")),
            V{"lock-order-inversion@7"});
}

TEST(LockOrder, ThreadsOrderedByJoinAreSilent) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() { std::lock_guard la(a); std::lock_guard lb(b); }
void t2() { std::lock_guard lb(b); std::lock_guard la(a); }
int main() {
  std::thread x(t1);
  x.join();
  std::thread y(t2);
  y.join();
  for (int i = 0; i < 2; ++i) { std::thread z(t2); z.join(); }  // one at a time
  std::lock_guard lb(b);  // main's own b -> a after every thread ended
  std::lock_guard la(a);
}
)")),
            V{});
}

TEST(LockOrder, MainOverlapsTheThreadItHasNotJoined) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() { std::lock_guard la(a); std::lock_guard lb(b); }
int main() {
  std::thread x(t1);
  {
    std::lock_guard lb(b);
    std::lock_guard la(a);
  }
  x.join();
}
)")),
            V{"lock-order-inversion@9"});
}

TEST(LockOrder, PthreadJoinOrdersThreads) {
  EXPECT_EQ(found(check(R"(#include <pthread.h>
pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static void* t1(void* p) { pthread_mutex_lock(&a); pthread_mutex_lock(&b); pthread_mutex_unlock(&b); pthread_mutex_unlock(&a); return p; }
static void* t2(void* p) { pthread_mutex_lock(&b); pthread_mutex_lock(&a); pthread_mutex_unlock(&a); pthread_mutex_unlock(&b); return p; }
int main(void) {
  pthread_t x, y;
  pthread_create(&x, 0, t1, 0);
  pthread_join(x, 0);
  pthread_create(&y, 0, t2, 0);
  pthread_join(y, 0);
  return 0;
}
)", "input.c")),
            V{});
}

TEST(LockOrder, GateLockSilencesTheCycle) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex gate, a, b;
void t1() { std::lock_guard g(gate); std::lock_guard la(a); std::lock_guard lb(b); }
void t2() { std::lock_guard g(gate); std::lock_guard lb(b); std::lock_guard la(a); }
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{});
}

TEST(LockOrder, TryLockWithBackOffAddsNoEdge) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() { std::lock_guard la(a); std::lock_guard lb(b); }
void t2() {
  for (;;) {
    b.lock();
    if (a.try_lock()) { a.unlock(); b.unlock(); return; }
    b.unlock();
  }
}
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{});
}

TEST(LockOrder, EarlyReturnReleasesOnEveryPath) {
  // t2 returns early holding nothing; the lock_guard scope ends before b is taken.
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
int flag;
void t1() { std::lock_guard la(a); std::lock_guard lb(b); }
void t2() {
  {
    std::unique_lock lb(b);
    if (flag) return;
    lb.unlock();
  }
  std::lock_guard la(a);
}
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{});
}

TEST(LockOrder, UniqueLockDeferThenLockOrders) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() { std::lock_guard la(a); std::lock_guard lb(b); }
void t2() {
  std::unique_lock lb(b, std::defer_lock);
  std::unique_lock la(a, std::defer_lock);
  lb.lock();
  la.lock();
}
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{"lock-order-inversion@9"});
}

TEST(LockOrder, ScopedLockAndStdLockTakeNoOrder) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
void t1() { std::scoped_lock l(a, b); }
void t2() { std::lock(b, a); std::lock_guard la(a, std::adopt_lock); std::lock_guard lb(b, std::adopt_lock); }
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{});
}

TEST(DoubleLock, RelockInAHelper) {
  EXPECT_EQ(found(check(R"(#include <mutex>
std::mutex m;
std::recursive_mutex r;
void helper() { std::lock_guard g(m); }
void rhelper() { std::lock_guard g(r); }
int main() {
  std::lock_guard g(m);
  std::lock_guard h(r);
  rhelper();
  helper();
}
)")),
            V{"double-lock@4"});
}

TEST(Wrappers, MutexClassRaiiClassAndCHelperAreRecognisedFromBodies) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
class Mutex {
 public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
 private:
  std::mutex mu_;
};
class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }
 private:
  Mutex* const mu_;
};
Mutex a, b;
void t1() { MutexLock la(&a); MutexLock lb(&b); }
void t2() {
  b.Lock();
  a.Lock();
  a.Unlock();
  b.Unlock();
}
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)")),
            V{"lock-order-inversion@21"});
}

TEST(Wrappers, CHelperLockingItsArgument) {
  EXPECT_EQ(found(check(R"(#include <pthread.h>
pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static void take(pthread_mutex_t* m) { pthread_mutex_lock(m); }
static void drop(pthread_mutex_t* m) { pthread_mutex_unlock(m); }
static void* t1(void* p) { take(&a); take(&b); drop(&b); drop(&a); return p; }
static void* t2(void* p) { take(&b); take(&a); drop(&a); drop(&b); return p; }
int main(void) {
  pthread_t x, y;
  pthread_create(&x, 0, t1, 0);
  pthread_create(&y, 0, t2, 0);
  pthread_join(x, 0);
  pthread_join(y, 0);
  return 0;
}
)",
                        "input.c")),
            V{"lock-order-inversion@6"});
}

const char* kTransfer = R"(#include <mutex>
#include <thread>
struct Account {
  std::mutex mu_;
  int balance = 0;
  void transfer(Account& other, int n) {
    std::lock_guard mine(mu_);
    std::lock_guard theirs(other.mu_);
    balance -= n;
    other.balance += n;
  }
};
Account x, y;
int main() {
  std::thread t1([] { x.transfer(y, 1); });
  std::thread t2([] { FROM.transfer(TO, 1); });
  t1.join();
  t2.join();
}
)";

std::string transfer(const std::string& from, const std::string& to) {
  std::string s = kTransfer;
  s.replace(s.find("FROM"), 4, from);
  s.replace(s.find("TO"), 2, to);
  return s;
}

TEST(Receivers, TransferInOppositeDirectionsIsAnInversion) {
  report::Report r = check(transfer("y", "x"));
  ASSERT_EQ(found(r), V{"lock-order-inversion@8"});
  EXPECT_NE(r.findings[0].message.find("'x.mu_'"), std::string::npos) << r.findings[0].message;
}

TEST(Receivers, TransferInOneDirectionIsSilent) { EXPECT_EQ(found(check(transfer("x", "y"))), V{}); }

TEST(Receivers, MutexByPointerIsSubstitutedAtCallSites) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b, c;
void both(std::mutex* first, std::mutex* second) {
  std::lock_guard l1(*first);
  std::lock_guard l2(*second);
}
int main() {
  std::thread t1(both, &a, &b);
  std::thread t2(both, &b, &c);
  t1.join();
  t2.join();
}
)")),
            V{});
}

TEST(Threads, VirtualRunFromABaseClassThread) {
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
class Thread {
 public:
  virtual ~Thread() = default;
  void start() { t_ = std::thread(&Thread::entry, this); }
  void join() { t_.join(); }
 protected:
  virtual void run() = 0;
 private:
  void entry() { run(); }
  std::thread t_;
};
class Forward : public Thread {
  void run() override { std::lock_guard la(a); std::lock_guard lb(b); }
};
class Backward : public Thread {
  void run() override { std::lock_guard lb(b); std::lock_guard la(a); }
};
int main() {
  Forward f;
  Backward k;
  f.start();
  k.start();
  f.join();
  k.join();
}
)")),
            V{"lock-order-inversion@19"});
}

TEST(Diagnostics, AbandonedConstructsAreNotedNotSilent) {
  report::Report r = check(R"(#include <mutex>
#include <thread>
std::mutex forks[4];
void (*hooks[4])();
void eat(int i) {
  std::lock_guard left(forks[i]);
  hooks[i]();
}
void ping() {}
int main() {
  hooks[0] = ping;
  std::thread t(eat, 1);
  t.join();
}
)");
  EXPECT_EQ(found(r), V{});
  bool unknown_lock = false, unknown_call = false;
  for (const auto& d : r.diagnostics) {
    EXPECT_EQ(d.severity, report::Diagnostic::Severity::Note) << d.message;
    if (d.location.line == 6 && d.message.find("cannot tell which lock") != std::string::npos) unknown_lock = true;
    if (d.location.line == 7 && d.message.find("not followed") != std::string::npos) unknown_call = true;
  }
  EXPECT_TRUE(unknown_lock);
  EXPECT_TRUE(unknown_call);
}

TEST(Threads, JthreadAsyncAndRwlockModes) {
  EXPECT_EQ(found(check(R"(#include <future>
#include <mutex>
#include <shared_mutex>
#include <thread>
std::shared_mutex a, b;
int t1() { std::shared_lock la(a); std::shared_lock lb(b); return 0; }
void t2() { std::shared_lock lb(b); std::shared_lock la(a); }
int main() {
  auto f = std::async(std::launch::async, t1);
  std::jthread j(t2);
  return f.get();
}
)")),
            V{});  // readers only: nobody waits
  EXPECT_EQ(found(check(R"(#include <future>
#include <mutex>
#include <shared_mutex>
#include <thread>
std::shared_mutex a, b;
int t1() { std::unique_lock la(a); std::shared_lock lb(b); return 0; }
void t2() { std::unique_lock lb(b); std::shared_lock la(a); }
int main() {
  auto f = std::async(std::launch::async, t1);
  std::jthread j(t2);
  return f.get();
}
)")),
            V{"lock-order-inversion@7"});
}

TEST(CrossUnit, TwoProgramsInOneDatabaseDoNotMix) {
  // A compile database with two executables: each has its own main and one thread; the
  // opposite orders live in different processes.
  const char* forward = R"(#include <mutex>
#include <thread>
std::mutex a, b;
void work() { std::lock_guard la(a); std::lock_guard lb(b); }
int main() { std::thread t(work); t.join(); }
)";
  const char* backward = R"(#include <mutex>
#include <thread>
extern std::mutex a, b;
static void work() { std::lock_guard lb(b); std::lock_guard la(a); }
int main() { std::thread t(work); t.join(); }
)";
  EXPECT_EQ(found(check({{"tool_one.cpp", forward}, {"tool_two.cpp", backward}})), V{});
}

TEST(Threads, MemberThreadJoinedBeforeTheNextStarts) {
  // t_ = std::thread(...) makes t_ the handle: join() through it ends the thread.
  EXPECT_EQ(found(check(R"(#include <mutex>
#include <thread>
std::mutex a, b;
class Worker {
 public:
  explicit Worker(bool flip) : flip_(flip) {}
  void start() { t_ = std::thread(&Worker::run, this); }
  void join() { t_.join(); }
 private:
  void run() {
    if (flip_) { std::lock_guard lb(b); std::lock_guard la(a); }
    else { std::lock_guard la(a); std::lock_guard lb(b); }
  }
  bool flip_;
  std::thread t_;
};
int main() {
  Worker one(false), two(true);
  one.start();
  one.join();
  two.start();
  two.join();
}
)")),
            V{});
}

TEST(CrossUnit, CycleAcrossTranslationUnits) {
  const char* header = R"(#pragma once
#include <mutex>
extern std::mutex a, b;
void forward();
void backward();
)";
  std::vector<Source> sources = {
      {"a.cpp", std::string(header) + R"(
std::mutex a, b;
void forward() { std::lock_guard la(a); std::lock_guard lb(b); }
)"},
      {"b.cpp", std::string(header) + R"(#include <thread>
void backward() { std::lock_guard lb(b); std::lock_guard la(a); }
int main() { std::thread x(forward), y(backward); x.join(); y.join(); }
)"}};
  report::Report r = check(sources);
  // Both closing candidates are on line 8 of a.cpp and line 7 of b.cpp: b.cpp sorts last.
  ASSERT_EQ(found(r), V{"lock-order-inversion@7"});
  EXPECT_EQ(r.findings[0].location.file, "b.cpp");
}

// Calls through std::function / std::packaged_task reach what was stored into the holder.
TEST(ErasedCalls, ArgumentsOfTheCallReachTheStoredLambda) {
  report::Report r = check(R"(#include <functional>
#include <mutex>
#include <thread>
std::mutex a, b;
std::function<void(std::mutex&)> take = [](std::mutex& m) { std::lock_guard g(m); };
void t1() { std::lock_guard hold(a); take(b); }
void t2() { std::lock_guard hold(b); take(a); }
int main() { std::thread x(t1), y(t2); x.join(); y.join(); }
)");
  EXPECT_EQ(found(r), V{"lock-order-inversion@5"});
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.message.find("not followed"), std::string::npos) << d.message;
}

TEST(ErasedCalls, ACallAnalysedBeforeTheStoreIsAnalysedAgain) {
  // consumer() is analysed before producer() stores the job: the link must not keep the first
  // (empty) view of the holder, or the edge m -> n through the job is lost.
  report::Report r = check(R"(#include <functional>
#include <mutex>
#include <thread>
std::mutex m, n;
std::function<void()> job;
void consumer() { std::lock_guard l(m); if (job) job(); }
void producer() { std::lock_guard l(m); job = [] { std::lock_guard k(n); }; }
void other() { std::lock_guard k(n); std::lock_guard l(m); }
int main() { std::thread c(consumer), p(producer), o(other); c.join(); p.join(); o.join(); }
)");
  EXPECT_EQ(found(r), V{"lock-order-inversion@8"});
}

TEST(ErasedCalls, ThreadsStartedWithAHolderRunWhatItHolds) {
  report::Report r = check(R"(#include <functional>
#include <future>
#include <thread>
int hits;
int main() {
  std::function<void()> bump = [] { ++hits; };
  std::packaged_task<void()> task([] { ++hits; });
  std::thread a(bump), b(std::move(task));
  a.join();
  b.join();
}
)");
  EXPECT_EQ(found(r), (V{"data-race@6", "data-race@7"}));
}

TEST(ErasedCalls, CFunctionPointersInAnOpsTableAndThroughAHelper) {
  report::Report r = check({{"ops.c", R"(#include <pthread.h>
static long n;
static void bump(void) { n++; }
struct ops { void (*run)(void); };
static const struct ops table = {.run = bump};
static void *worker(void *arg) { (void)arg; table.run(); return 0; }
static void start(pthread_t *t, void *(*entry)(void *)) { pthread_create(t, 0, entry, 0); }
int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; ++i) start(&t[i], worker);
  for (int i = 0; i < 2; ++i) pthread_join(t[i], 0);
  return (int)n;
}
)"}});
  // The write in bump() races with itself; main's read after the joins does not.
  ASSERT_EQ(found(r), V{"data-race@3"});
  ASSERT_FALSE(r.findings[0].notes.empty());
  for (const auto& note : r.findings[0].notes) EXPECT_EQ(note.message.find("main thread"), std::string::npos) << note.message;
}

TEST(ErasedCalls, ACallbackInAHeapStructFallsBackToItsField) {
  report::Report r = check({{"jobs.c", R"(#include <pthread.h>
#include <stdlib.h>
static long n;
static void bump(void) { n++; }
struct job { void (*fn)(void); struct job *next; };
static struct job *head;
static void add(void (*fn)(void)) { struct job *j = malloc(sizeof *j); j->fn = fn; j->next = head; head = j; }
static void *worker(void *arg) { (void)arg; for (struct job *j = head; j; j = j->next) j->fn(); return 0; }
int main(void) {
  add(bump);
  pthread_t a, b;
  pthread_create(&a, 0, worker, 0);
  pthread_create(&b, 0, worker, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}
)"}});
  EXPECT_EQ(found(r), V{"data-race@4"});
}

TEST(ErasedCalls, StdBindOfAMethodAndOfAFunction) {
  report::Report r = check(R"(#include <functional>
#include <mutex>
#include <thread>
struct Counter {
  long n = 0;
  std::mutex m;
  void add(long v) { n += v; }
  void add_locked(long v) { std::lock_guard l(m); n += v; }
};
long total;
void add_total(long* to, long v) { *to += v; }
int main() {
  Counter c;
  std::function<void()> a = std::bind(&Counter::add, &c, 1);
  std::function<void(long)> b = std::bind(add_total, &total, std::placeholders::_1);
  std::thread x([&] { a(); b(2); }), y([&] { a(); b(3); });
  x.join();
  y.join();
}
)");
  EXPECT_EQ(found(r), (V{"data-race@7", "data-race@11"}));
}

TEST(ErasedCalls, NothingStoredOrNotUnderstoodIsANoteNotAGuess) {
  report::Report r = check(R"(#include <functional>
#include <mutex>
#include <thread>
std::function<void()> job, bound;
void run() { job(); bound(); }
auto make(int v) { return [v] (auto) {}; }
int main() { bound = std::bind(make(1), 1); std::thread t(run); t.join(); }
)");
  EXPECT_EQ(found(r), V{});
  bool nothing = false, not_understood = false;
  for (const auto& d : r.diagnostics) {
    nothing = nothing || (d.location.line == 5 && d.message.find("no callable stored into it") != std::string::npos);
    not_understood = not_understood || (d.location.line == 7 && d.message.find("is not understood") != std::string::npos);
  }
  EXPECT_TRUE(nothing);
  EXPECT_TRUE(not_understood);
}

// liblzma's shape: each coder calls the next one through a function pointer in its `next`, with
// the coder object behind a void*. The casts back must keep the object (the race on `count` is
// found), and the one line reached through many coder chains is reported once per object path,
// not once per chain of types.
TEST(Paths, CoderChainThroughFunctionPointersAndCasts) {
  std::string code = R"(#include <pthread.h>
#include <stdlib.h>
typedef struct next_coder { void* coder; void (*code)(void* coder); } next_coder;
typedef struct a_coder { next_coder next; long count; } a_coder;
typedef struct b_coder { next_coder next; long count; } b_coder;
typedef struct c_coder { next_coder next; long count; } c_coder;
static void a_code(void* c) { a_coder* self = (a_coder*)c; self->count++; if (self->next.code) self->next.code(self->next.coder); }
static void b_code(void* c) { b_coder* self = (b_coder*)c; self->count++; if (self->next.code) self->next.code(self->next.coder); }
static void c_code(void* c) { c_coder* self = (c_coder*)c; self->count++; if (self->next.code) self->next.code(self->next.coder); }
void a_init(next_coder* next) { a_coder* c = calloc(1, sizeof *c); next->coder = c; next->code = a_code; }
void b_init(next_coder* next) { b_coder* c = calloc(1, sizeof *c); next->coder = c; next->code = b_code; }
void c_init(next_coder* next) { c_coder* c = calloc(1, sizeof *c); next->coder = c; next->code = c_code; }
next_coder root;
static void* worker(void* arg) { (void)arg; root.code(root.coder); return 0; }
int main(int argc, char** argv) {
  (void)argv;
  if (argc == 1) a_init(&root); else if (argc == 2) b_init(&root); else c_init(&root);
  pthread_t x, y;
  pthread_create(&x, 0, worker, 0);
  pthread_create(&y, 0, worker, 0);
  pthread_join(x, 0);
  pthread_join(y, 0);
  return 0;
}
)";
  report::Report r = check({{"chain.c", code}});
  std::set<std::pair<unsigned, std::string>> seen;
  std::set<unsigned> lines;
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.kind, "data-race");
    EXPECT_TRUE(seen.emplace(f.location.line, f.message).second) << "reported twice: " << f.message;
    lines.insert(f.location.line);
  }
  EXPECT_EQ(lines, (std::set<unsigned>{7, 8, 9}));
}

// Object paths are cut to their last fields past six (k-limiting): a write seven fields deep is
// still a race, named after the fields it ends with.
TEST(Paths, DeepPathsAreCutShortAndStillChecked) {
  report::Report r = check(R"(#include <thread>
struct L7 { int count; };
struct L6 { L7 g; }; struct L5 { L6 f; }; struct L4 { L5 e; }; struct L3 { L4 d; };
struct L2 { L3 c; }; struct L1 { L2 b; }; struct L0 { L1 a; };
L0 root;
void bump() { root.a.b.c.d.e.f.g.count++; }
int main() { std::thread x(bump), y(bump); x.join(); y.join(); }
)");
  ASSERT_EQ(found(r), V{"data-race@6"});
  EXPECT_NE(r.findings[0].message.find("'root...g.count'"), std::string::npos) << r.findings[0].message;
}

// A call through a function pointer written inside a macro (libevent's EVLOCK_LOCK expands to
// `evthread_lock_fns_.lock(...)`) is named in its note by the expression, not a placeholder.
TEST(Diagnostics, ACallWrittenInAMacroIsNamedInItsNote) {
  report::Report r = check({{"m.c", R"(#include <pthread.h>
struct lock_ops { void (*lock)(void); };
struct lock_ops table;
#define LOCK() table.lock()
static void* worker(void* a) { (void)a; LOCK(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); pthread_join(t, 0); return 0; }
)"}});
  bool named = false;
  for (const auto& d : r.diagnostics) named = named || d.message.find("call through 'table.lock'") != std::string::npos;
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace lockscope::link
