// The GoogleTest listener from the installed package: Inversion.TwoLocks takes two locks in both
// orders from two concurrent threads and must fail with lockscope's report as its message;
// Clean.OneOrder must pass.
#include <gtest/gtest.h>

#include <atomic>
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
  std::atomic<bool> first_done{false};
  // The second thread waits for the first to release both locks: concurrent, but no hang.
  std::thread t1([&] {
    {
      std::lock_guard<std::mutex> la(a);
      std::lock_guard<std::mutex> lb(b);
    }
    first_done.store(true);
  });
  std::thread t2([&] {
    while (!first_done.load()) std::this_thread::yield();
    std::lock_guard<std::mutex> lb(b);
    std::lock_guard<std::mutex> la(a);
  });
  t1.join();
  t2.join();
}
}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  lockscope::gtest::install_listener();
  return RUN_ALL_TESTS();
}
