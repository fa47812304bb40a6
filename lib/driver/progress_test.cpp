#include "driver/progress.h"

#include <sstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace lockscope::driver {
namespace {

TEST(Progress, CountsUnitsAsTheyStartAndClearsTheLine) {
  std::ostringstream out;
  {
    Progress p(&out, 3);
    p.unit_started("/src/a.cpp");
    p.unit_started("/src/b.cpp");
    EXPECT_EQ(out.str(),
              "\r\033[Klockscope: translation unit 1 of 3: /src/a.cpp"
              "\r\033[Klockscope: translation unit 2 of 3: /src/b.cpp");
  }
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\033[K");
}

TEST(Progress, DisabledWritesNothing) {
  Progress p(nullptr, 100);
  p.unit_started("/src/a.cpp");  // must not crash
  std::ostringstream out;
  { Progress unused(&out, 100); }
  EXPECT_EQ(out.str(), "") << "nothing started, nothing to clear";
}

TEST(Progress, OnlyOnATerminalForEnoughUnitsWhenWanted) {
  EXPECT_EQ(Progress::terminal_stderr(1000, false), nullptr);
  EXPECT_EQ(Progress::terminal_stderr(Progress::kMinUnits - 1, true), nullptr);
  // Under ctest stderr is a pipe or a file: never a terminal.
  if (!isatty(2)) EXPECT_EQ(Progress::terminal_stderr(1000, true), nullptr);
}

TEST(Progress, ConcurrentWorkersEachCountOnce) {
  std::ostringstream out;
  Progress p(&out, 400);
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&] {
      for (int i = 0; i < 100; ++i) p.unit_started("f.cpp");
    });
  for (auto& w : workers) w.join();
  EXPECT_NE(out.str().find("translation unit 400 of 400: f.cpp"), std::string::npos);
  EXPECT_EQ(out.str().find("401"), std::string::npos);
}

}  // namespace
}  // namespace lockscope::driver
