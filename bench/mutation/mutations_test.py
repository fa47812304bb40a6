"""Unit tests of mutations.py: `python3 -m unittest bench/mutation/mutations_test.py`."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutations  # noqa: E402

CPP = """namespace db {
// MutexLock commented(&mu_);
class Impl {
 public:
  int Get() const {
    MutexLock l(&mu_);
    return n_;
  }
  void Put(int v);
};

void Impl::Put(int v) {
  std::lock_guard<std::mutex> g(mu_);
  std::unique_lock<std::mutex> deferred(other_, std::defer_lock);
  const char* s = "{";
  n_ = v;
}

void Impl::Flush() {
  mu_.Lock();
  n_ = 0;
  mu_.Unlock();
  impl_->lock();
}
}  // namespace db
"""

C = """#ifdef A
static void f(void) {
#else
static void f(int x) {
#endif
    pthread_mutex_lock(&lock);
    count++;
    pthread_mutex_unlock(&lock);
    mutex_lock(&other);
}
"""


class FindMutations(unittest.TestCase):
    def test_cpp_guards_and_member_lock_pairs(self):
        found = mutations.find_mutations("impl.cc", CPP)
        self.assertEqual([m.describe() for m in found], [
            "impl.cc:6 guard in Get",
            "impl.cc:13 guard in Impl::Put",
            "impl.cc:20 member-lock in Impl::Flush",  # impl_->lock() has no unlock: not a mutation
        ])
        self.assertEqual(found[0].function, (5, 8))
        self.assertEqual(found[1].function, (12, 17))
        self.assertEqual(found[2].lines, [20, 22])

    def test_c_lock_pairs_across_preprocessor_branches(self):
        found = mutations.find_mutations("a.c", C)
        self.assertEqual([m.describe() for m in found], ["a.c:6 c-lock in f"])
        self.assertEqual(found[0].function, (2, 10))

    def test_apply_blanks_the_lines_and_keeps_line_numbers(self):
        m = mutations.find_mutations("a.c", C)[0]
        after = mutations.apply(C, m)
        self.assertEqual(after.count("\n"), C.count("\n"))
        self.assertNotIn("pthread_mutex_lock", after)
        self.assertNotIn("pthread_mutex_unlock", after)
        self.assertIn("count++;", after)


if __name__ == "__main__":
    unittest.main()
