#pragma once
// GoogleTest integration for the runtime shim: a test event listener that fails the test during
// which a lock-order problem is first observed, with the shim's report as the failure message.
//
//   int main(int argc, char** argv) {
//     ::testing::InitGoogleTest(&argc, argv);
//     lockscope::gtest::install_listener();
//     return RUN_ALL_TESTS();
//   }
//
// Link the test binary with the shim (-Wl,--whole-archive liblockscope-rt.a -Wl,--no-whole-archive)
// or preload liblockscope-rt.so; without the shim every test fails, saying so (nothing would be
// checked). In a build tree the header is runtime/gtest/lockscope_gtest.h (CMake target
// lockscope_gtest); installed, <lockscope/lockscope_gtest.h>.
#include <gtest/gtest.h>

namespace lockscope::gtest {

class Listener : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo& test) override;
  void OnTestEnd(const ::testing::TestInfo& test) override;

 private:
  size_t cursor_ = 0;  // findings already attributed to earlier tests
};

// Appends a Listener to the running UnitTest's listeners (which owns it).
void install_listener();

}  // namespace lockscope::gtest
