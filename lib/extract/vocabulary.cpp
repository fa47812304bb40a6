#include "extract/vocabulary.h"

#include <array>

namespace lockscope::extract {

std::string normalize_name(std::string_view qualified) {
  std::string s(qualified);
  for (std::string_view inner : {"__1::", "__cxx11::", "__2::"}) {
    for (size_t at; (at = s.find(inner)) != std::string::npos;) s.erase(at, inner.size());
  }
  return s;
}

bool is_mutex_type(std::string_view r) {
  static constexpr std::array<std::string_view, 6> names = {
      "std::mutex", "std::timed_mutex", "std::recursive_mutex", "std::recursive_timed_mutex",
      "std::shared_mutex", "std::shared_timed_mutex"};
  for (auto n : names)
    if (r == n) return true;
  return false;
}

bool is_recursive_mutex_type(std::string_view r) {
  return r == "std::recursive_mutex" || r == "std::recursive_timed_mutex";
}

GuardKind guard_kind(std::string_view r) {
  if (r == "std::lock_guard") return GuardKind::LockGuard;
  if (r == "std::unique_lock") return GuardKind::UniqueLock;
  if (r == "std::scoped_lock") return GuardKind::ScopedLock;
  if (r == "std::shared_lock") return GuardKind::SharedLock;
  return GuardKind::None;
}

bool is_thread_type(std::string_view r) { return r == "std::thread" || r == "std::jthread"; }

bool is_future_type(std::string_view r) { return r == "std::future" || r == "std::shared_future"; }

bool is_callable_holder(std::string_view r) {
  return r == "std::function" || r == "std::move_only_function" || r == "std::copyable_function" ||
         r == "std::packaged_task";
}

bool is_smart_pointer(std::string_view r) { return r == "std::shared_ptr" || r == "std::unique_ptr"; }

bool calls_callables_in_place(std::string_view f) {
  static constexpr std::array<std::string_view, 46> names = {
      "for_each", "for_each_n", "transform", "accumulate", "reduce", "transform_reduce", "inner_product",
      "partial_sum", "inclusive_scan", "exclusive_scan", "adjacent_difference", "generate", "generate_n",
      "sort", "stable_sort", "partial_sort", "nth_element", "count_if", "find_if", "find_if_not", "any_of",
      "all_of", "none_of", "remove_if", "remove_copy_if", "replace_if", "copy_if", "partition",
      "stable_partition", "unique", "min_element", "max_element", "minmax_element", "lower_bound",
      "upper_bound", "equal_range", "binary_search", "merge", "adjacent_find", "mismatch", "equal",
      "lexicographical_compare", "invoke", "apply", "visit", "erase_if"};
  if (!f.starts_with("std::")) return false;
  f.remove_prefix(5);
  if (f.starts_with("ranges::")) f.remove_prefix(8);
  for (auto n : names)
    if (f == n) return true;
  return false;
}

bool container_method_adds(std::string_view m) {
  return m == "push_back" || m == "emplace_back" || m == "push_front" || m == "emplace_front" || m == "push" ||
         m == "emplace" || m == "insert" || m == "emplace_hint";
}

bool container_method_names_element(std::string_view m) {
  return m == "front" || m == "back" || m == "top" || m == "at" || m == "operator[]";
}

OpInfo mutex_method(std::string_view m) {
  using facts::LockMode;
  if (m == "lock") return {LockOp::Lock, LockMode::Exclusive};
  if (m == "try_lock" || m == "try_lock_for" || m == "try_lock_until") return {LockOp::TryLock, LockMode::Exclusive};
  if (m == "unlock") return {LockOp::Unlock, LockMode::Exclusive};
  if (m == "lock_shared") return {LockOp::Lock, LockMode::Shared};
  if (m == "try_lock_shared" || m == "try_lock_shared_for" || m == "try_lock_shared_until")
    return {LockOp::TryLock, LockMode::Shared};
  if (m == "unlock_shared") return {LockOp::Unlock, LockMode::Shared};
  return {};
}

OpInfo guard_method(GuardKind g, std::string_view m) {
  auto mode = g == GuardKind::SharedLock ? facts::LockMode::Shared : facts::LockMode::Exclusive;
  if (g != GuardKind::UniqueLock && g != GuardKind::SharedLock) return {};
  if (m == "lock") return {LockOp::Lock, mode};
  if (m == "try_lock" || m == "try_lock_for" || m == "try_lock_until") return {LockOp::TryLock, mode};
  if (m == "unlock") return {LockOp::Unlock, mode};
  if (m == "release") return {LockOp::Disown, mode};
  if (m == "owns_lock" || m == "operator bool") return {LockOp::Owns, mode};
  return {};
}

OpInfo lock_function(std::string_view n) {
  using facts::LockMode;
  struct Entry {
    std::string_view name;
    OpInfo info;
  };
  static constexpr std::array<Entry, 19> table = {{
      {"pthread_mutex_lock", {LockOp::Lock, LockMode::Exclusive, true}},
      {"pthread_mutex_trylock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"pthread_mutex_timedlock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"pthread_mutex_unlock", {LockOp::Unlock, LockMode::Exclusive, true}},
      {"pthread_rwlock_rdlock", {LockOp::Lock, LockMode::Shared, true}},
      {"pthread_rwlock_tryrdlock", {LockOp::TryLock, LockMode::Shared, true}},
      {"pthread_rwlock_timedrdlock", {LockOp::TryLock, LockMode::Shared, true}},
      {"pthread_rwlock_wrlock", {LockOp::Lock, LockMode::Exclusive, true}},
      {"pthread_rwlock_trywrlock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"pthread_rwlock_timedwrlock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"pthread_rwlock_unlock", {LockOp::Unlock, LockMode::Exclusive, true}},
      {"pthread_spin_lock", {LockOp::Lock, LockMode::Exclusive, true}},
      {"pthread_spin_trylock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"pthread_spin_unlock", {LockOp::Unlock, LockMode::Exclusive, true}},
      {"mtx_lock", {LockOp::Lock, LockMode::Exclusive, true}},
      {"mtx_trylock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"mtx_timedlock", {LockOp::TryLock, LockMode::Exclusive, true}},
      {"mtx_unlock", {LockOp::Unlock, LockMode::Exclusive, true}},
      {"pthread_mutex_clocklock", {LockOp::TryLock, LockMode::Exclusive, true}},
  }};
  for (const auto& e : table)
    if (e.name == n) return e.info;
  return {};
}

Special special_function(std::string_view n) {
  if (n == "pthread_create") return Special::PthreadCreate;
  if (n == "thrd_create") return Special::ThrdCreate;
  if (n == "std::async") return Special::Async;
  if (n == "pthread_join" || n == "thrd_join") return Special::PthreadJoin;
  if (n == "std::lock") return Special::StdLock;
  if (n == "std::try_lock") return Special::StdTryLock;
  if (n == "pthread_mutexattr_settype") return Special::MutexAttrType;
  if (n == "pthread_mutex_init") return Special::PthreadMutexInit;
  if (n == "mtx_init") return Special::MtxInit;
  if (n == "std::ref" || n == "std::cref" || n == "std::move" || n == "std::forward" || n == "std::addressof")
    return Special::Transparent;
  return Special::None;
}

bool is_container_type(std::string_view r) {
  static constexpr std::array<std::string_view, 17> names = {
      "std::vector", "std::deque", "std::list", "std::forward_list", "std::array", "std::map", "std::multimap",
      "std::set", "std::multiset", "std::unordered_map", "std::unordered_multimap", "std::unordered_set",
      "std::unordered_multiset", "std::basic_string", "std::queue", "std::stack", "std::priority_queue"};
  for (auto n : names)
    if (r == n) return true;
  return false;
}

bool container_method_reads(std::string_view r, std::string_view m, bool is_const) {
  if (is_const) return true;
  if (m == "operator[]") return r != "std::map" && r != "std::unordered_map";
  static constexpr std::array<std::string_view, 30> lookups = {
      "at", "front", "back", "top", "data", "c_str", "begin", "end", "rbegin", "rend", "cbegin", "cend",
      "crbegin", "crend", "find", "count", "contains", "lower_bound", "upper_bound", "equal_range", "size",
      "length", "empty", "capacity", "max_size", "substr", "compare", "starts_with", "ends_with", "rfind"};
  for (auto n : lookups)
    if (m == n) return true;
  return false;
}

}  // namespace lockscope::extract
