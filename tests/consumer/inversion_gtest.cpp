// The GoogleTest listener from the installed package: Inversion.TwoLocks takes two locks in both
// orders and must fail with lockscope's report as its message; Clean.OneOrder must pass.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "lockscope/lockscope_gtest.h"

namespace {
std::mutex a, b;

TEST(Clean, OneOrder) {
  std::thread t([] {
    std::lock_guard<std::mutex> la(a);
    std::lock_guard<std::mutex> lb(b);
  });
  t.join();
}

TEST(Inversion, TwoLocks) {
  std::thread t([] {
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);
  });
  t.join();
}
}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  lockscope::gtest::install_listener();
  return RUN_ALL_TESTS();
}
