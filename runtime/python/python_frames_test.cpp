#include "python/python_frames.h"

#include <gtest/gtest.h>

namespace lockscope::rt::py {
namespace {

TEST(PythonLockNames, ModuleLevelAssignmentIsAGlobal) {
  bool global = false;
  EXPECT_EQ(name_from_assignment("lock_a = Lock()", "<module>", global), "lock_a");
  EXPECT_TRUE(global);
  EXPECT_EQ(name_from_assignment("ready: threading.Condition = threading.Condition()", "<module>", global), "ready");
  EXPECT_TRUE(global);
}

TEST(PythonLockNames, InstanceAttributeIsNamedByItsClass) {
  bool global = true;
  EXPECT_EQ(name_from_assignment("        self.lock = threading.Lock()", "Account.__init__", global), "Account.lock");
  EXPECT_FALSE(global);
  EXPECT_EQ(name_from_assignment("    self._mutex = RLock()", "outer.<locals>.Cache.__init__", global), "Cache._mutex");
}

TEST(PythonLockNames, LocalsAndNonAssignments) {
  bool global = true;
  EXPECT_EQ(name_from_assignment("    guard = Lock()", "main", global), "guard");
  EXPECT_FALSE(global);
  EXPECT_EQ(name_from_assignment("locks = [Lock() for _ in range(4)]", "<module>", global), "locks");
  EXPECT_EQ(name_from_assignment("    use(Lock())", "main", global), "");
  EXPECT_EQ(name_from_assignment("if a == Lock():", "main", global), "");
  EXPECT_EQ(name_from_assignment("d[k] = Lock()", "main", global), "");
}

TEST(PythonFrames, OrdinaryReturnAddressesAreNotPythonFrames) {
  std::vector<Frame> out;
  EXPECT_FALSE(resolve_frame(0x401234, out));
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(is_python_pc(kPythonFrameBit | 0x1000));
}

}  // namespace
}  // namespace lockscope::rt::py
