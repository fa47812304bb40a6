#include "extract/vocabulary.h"

#include <gtest/gtest.h>

namespace lockscope::extract {
namespace {

TEST(Vocabulary, NormalizesLibraryInlineNamespaces) {
  EXPECT_EQ(normalize_name("std::__1::mutex"), "std::mutex");
  EXPECT_EQ(normalize_name("std::__cxx11::basic_string"), "std::basic_string");
  EXPECT_EQ(normalize_name("ns::Mutex"), "ns::Mutex");
}

TEST(Vocabulary, KnowsStandardMutexesAndGuards) {
  EXPECT_TRUE(is_mutex_type("std::shared_timed_mutex"));
  EXPECT_FALSE(is_mutex_type("port::Mutex"));  // wrappers are recognised from bodies, not names
  EXPECT_TRUE(is_recursive_mutex_type("std::recursive_mutex"));
  EXPECT_FALSE(is_recursive_mutex_type("std::mutex"));
  EXPECT_EQ(guard_kind("std::scoped_lock"), GuardKind::ScopedLock);
  EXPECT_EQ(guard_kind("MutexLock"), GuardKind::None);
  EXPECT_TRUE(is_future_type("std::future"));
  EXPECT_FALSE(is_thread_type("std::future"));
  EXPECT_EQ(mutex_method("try_lock_shared_for").op, LockOp::TryLock);
  EXPECT_EQ(mutex_method("try_lock_shared_for").mode, facts::LockMode::Shared);
  EXPECT_EQ(guard_method(GuardKind::UniqueLock, "release").op, LockOp::Disown);
  EXPECT_EQ(guard_method(GuardKind::LockGuard, "unlock").op, LockOp::None);
  EXPECT_EQ(guard_method(GuardKind::SharedLock, "lock").mode, facts::LockMode::Shared);
}

TEST(Vocabulary, KnowsCLockFunctions) {
  EXPECT_EQ(lock_function("pthread_rwlock_rdlock").mode, facts::LockMode::Shared);
  EXPECT_EQ(lock_function("pthread_spin_trylock").op, LockOp::TryLock);
  EXPECT_TRUE(lock_function("mtx_trylock").zero_on_success);
  EXPECT_EQ(lock_function("pthread_mutex_destroy").op, LockOp::None);
  EXPECT_EQ(special_function("std::async"), Special::Async);
  EXPECT_EQ(special_function("std::ref"), Special::Transparent);
  EXPECT_EQ(special_function("printf"), Special::None);
}

TEST(Vocabulary, KnowsTypeErasedCallablesAndTheContainersThatQueueThem) {
  EXPECT_TRUE(is_callable_holder("std::function"));
  EXPECT_TRUE(is_callable_holder("std::packaged_task"));
  EXPECT_TRUE(is_callable_holder("std::move_only_function"));
  EXPECT_FALSE(is_callable_holder("std::thread"));
  EXPECT_TRUE(is_smart_pointer("std::shared_ptr"));
  EXPECT_FALSE(is_smart_pointer("std::weak_ptr"));
  EXPECT_TRUE(container_method_adds("emplace_back"));
  EXPECT_TRUE(container_method_adds("push"));
  EXPECT_FALSE(container_method_adds("pop"));
  EXPECT_TRUE(container_method_names_element("front"));
  EXPECT_FALSE(container_method_names_element("pop_front"));
}

TEST(Vocabulary, AlgorithmsCallTheirCallablesInPlace) {
  EXPECT_TRUE(calls_callables_in_place("std::for_each"));
  EXPECT_TRUE(calls_callables_in_place("std::ranges::sort"));
  EXPECT_TRUE(calls_callables_in_place("std::invoke"));
  EXPECT_FALSE(calls_callables_in_place("std::call_once"));
  EXPECT_FALSE(calls_callables_in_place("std::async"));
  EXPECT_FALSE(calls_callables_in_place("for_each"));
}

TEST(Vocabulary, ContainerCallsReadOrWrite) {
  EXPECT_TRUE(is_container_type("std::vector"));
  EXPECT_TRUE(is_container_type("std::basic_string"));
  EXPECT_FALSE(is_container_type("std::atomic"));
  EXPECT_FALSE(container_method_reads("std::vector", "push_back", false));
  EXPECT_TRUE(container_method_reads("std::vector", "push_back", true));
  EXPECT_TRUE(container_method_reads("std::vector", "operator[]", false));
  EXPECT_FALSE(container_method_reads("std::map", "operator[]", false));
  EXPECT_TRUE(container_method_reads("std::map", "find", false));
  EXPECT_FALSE(container_method_reads("std::basic_string", "operator+=", false));
}

}  // namespace
}  // namespace lockscope::extract
