#include "report/kinds.h"

#include <algorithm>
#include <array>

namespace lockscope::report {

namespace {
constexpr std::array kKinds = {
    KindInfo{kLockOrderInversion,
             "Potential deadlock: two or more threads can take the same locks in opposite orders (a cycle in "
             "the lock-order graph)."},
    KindInfo{kDoubleLock, "A thread locks a non-recursive mutex it already holds; it would hang forever."},
    KindInfo{kDeadlock, "A real hang observed at run time: threads blocked in a cycle of lock waits."},
    KindInfo{kDataRace,
             "Two accesses to the same data, at least one a write, by threads that may run at the same time, "
             "with no lock held in common."},
    KindInfo{kUnlockNotHeld, "A thread unlocks a mutex it does not hold."},
    KindInfo{kThreadUnsafeCall,
             "Calls of a non-reentrant C library function (strtok, localtime, rand, setenv beside getenv, ...) "
             "that share its hidden state, by threads that may run at the same time with no lock held in common."},
};
}  // namespace

std::span<const KindInfo> all_kinds() { return kKinds; }

bool is_known_kind(std::string_view name) {
  return std::any_of(kKinds.begin(), kKinds.end(), [&](const KindInfo& k) { return k.name == name; });
}

}  // namespace lockscope::report
