#pragma once
// The base vocabulary of locking: the standard and C library primitives, recognised by name.
// Everything built on top of them (wrapper classes, RAII guards, C helpers) is recognised by the
// link from function bodies, never by a list of names. Clang-free so it is cheap to test.
#include <string>
#include <string_view>

#include "facts/facts.h"

namespace lockscope::extract {

enum class LockOp {
  None,
  Lock,     // blocks until held
  TryLock,  // may fail; success is known only from its result
  Unlock,
  Disown,   // unique_lock::release(): forget the mutex without unlocking it
  Owns,     // unique_lock::owns_lock() / operator bool: tests success of a try_to_lock guard
};

struct OpInfo {
  LockOp op = LockOp::None;
  facts::LockMode mode = facts::LockMode::Exclusive;
  // For C functions: success is a zero result (pthread_*, mtx_*); false for bool-returning C++.
  bool zero_on_success = false;
};

enum class GuardKind { None, LockGuard, UniqueLock, ScopedLock, SharedLock };

// Qualified names are normalised first: library-internal inline namespaces ("std::__1::",
// "std::__cxx11::") are dropped so libc++ and libstdc++ read alike.
std::string normalize_name(std::string_view qualified);

bool is_mutex_type(std::string_view record);            // std::mutex ... std::shared_timed_mutex
bool is_recursive_mutex_type(std::string_view record);  // std::recursive_(timed_)mutex
GuardKind guard_kind(std::string_view record);          // std::lock_guard, unique_lock, ...
bool is_thread_type(std::string_view record);           // std::thread, std::jthread
bool is_future_type(std::string_view record);           // std::future, std::shared_future
// Type-erased callables: a call through one has no static target (std::function,
// std::move_only_function, std::copyable_function, std::packaged_task).
bool is_callable_holder(std::string_view record);
bool is_smart_pointer(std::string_view record);  // std::shared_ptr, std::unique_ptr
// Library functions that call the callables they are given in the calling thread, before they
// return: the algorithms (std::for_each, std::transform, std::accumulate, std::sort, ...) and
// std::invoke / std::apply. (std::call_once is not one: it is synchronization.)
bool calls_callables_in_place(std::string_view function);
// Container methods that put an element in (the last argument): push_back, emplace, insert, ...
bool container_method_adds(std::string_view method);
// Container methods that designate an element already in it: front, back, top, at, operator[].
bool container_method_names_element(std::string_view method);

OpInfo mutex_method(std::string_view method);                  // m.lock(), m.try_lock_shared(), ...
OpInfo guard_method(GuardKind guard, std::string_view method);  // lk.lock(), lk.owns_lock(), ...
OpInfo lock_function(std::string_view name);                   // pthread_mutex_lock, mtx_trylock, ...

enum class Special {
  None,
  PthreadCreate,  // pthread_create(thread, attr, entry, arg)
  ThrdCreate,     // thrd_create(thread, entry, arg)
  Async,          // std::async(policy, callable, args...)
  PthreadJoin,    // pthread_join / thrd_join
  StdLock,        // std::lock(a, b, ...): all, in no order
  StdTryLock,     // std::try_lock(a, b, ...)
  MutexAttrType,  // pthread_mutexattr_settype(attr, kind)
  PthreadMutexInit,
  MtxInit,        // mtx_init(m, type)
  Transparent,    // std::ref, std::cref, std::move, std::forward, std::addressof: same object
};
Special special_function(std::string_view name);

// Standard containers and strings: a member call on a shared one is an access to it (races).
bool is_container_type(std::string_view record);
// Does a member call only read the container? Const calls do, and so do lookups and element or
// iterator accessors that change nothing even on a non-const object (but map::operator[]
// inserts). Writes through the reference they return are not seen.
bool container_method_reads(std::string_view record, std::string_view method, bool is_const);

}  // namespace lockscope::extract
