#include "lockscope_gtest.h"

#include <string>
#include <vector>

#include "runtime_api.h"

// Weak: a binary to be run under `lockscope run` (preloaded shim) links without it.
extern "C" size_t lockscope_rt_poll(size_t* cursor, char* buf, size_t size) __attribute__((weak));
extern "C" void lockscope_rt_set_context(const char* context) __attribute__((weak));

namespace lockscope::gtest {

namespace {
std::string test_name(const ::testing::TestInfo& test) {
  return std::string(test.test_suite_name()) + "." + test.name();
}

// Weak references resolve when the shim is linked in or preloaded; without it nothing would be
// checked, and a green test run would claim otherwise.
bool shim_loaded() { return lockscope_rt_poll && lockscope_rt_set_context; }
}  // namespace

// Failures point at the test itself (its TEST line), not into this file.
#define LOCKSCOPE_FAIL_TEST(test) ADD_FAILURE_AT((test).file() ? (test).file() : "unknown file", (test).line())

void Listener::OnTestStart(const ::testing::TestInfo& test) {
  if (!shim_loaded()) return;
  lockscope_rt_poll(&cursor_, nullptr, 0);  // anything earlier belongs to no test
  lockscope_rt_set_context(("test " + test_name(test)).c_str());
}

void Listener::OnTestEnd(const ::testing::TestInfo& test) {
  if (!shim_loaded()) {
    LOCKSCOPE_FAIL_TEST(test) << "lockscope: the runtime shim is not loaded, so this test's locking was not checked: "
                                 "link liblockscope-rt.a with -Wl,--whole-archive (lockscope::runtime in CMake) or "
                                 "preload liblockscope-rt.so (`lockscope run`)";
    return;
  }
  std::vector<char> text(1 << 20);
  size_t n = lockscope_rt_poll(&cursor_, text.data(), text.size());
  lockscope_rt_set_context(nullptr);
  // OnTestEnd runs before the result printer's (listeners end in reverse order) while this test
  // is still the current one, so the failure is attributed to it.
  if (n > 0)
    LOCKSCOPE_FAIL_TEST(test) << "lockscope: " << n << (n == 1 ? " finding" : " findings") << " first observed during test "
                  << test_name(test) << ":\n"
                  << text.data();
}

void install_listener() { ::testing::UnitTest::GetInstance()->listeners().Append(new Listener); }

}  // namespace lockscope::gtest
