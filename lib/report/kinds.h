#pragma once
// The finding kinds users and other tools rely on. Names are fixed: they appear in text output as
// `[lockscope-<kind>]`, in JSON as "kind", as SARIF rule ids, and in suppressions.
#include <span>
#include <string_view>

namespace lockscope::report {

inline constexpr std::string_view kLockOrderInversion = "lock-order-inversion";
inline constexpr std::string_view kDoubleLock = "double-lock";
inline constexpr std::string_view kDeadlock = "deadlock";
inline constexpr std::string_view kDataRace = "data-race";
inline constexpr std::string_view kUnlockNotHeld = "unlock-not-held";
inline constexpr std::string_view kThreadUnsafeCall = "thread-unsafe-call";

struct KindInfo {
  std::string_view name;
  std::string_view summary;  // one line, for SARIF rule text and `lockscope kinds`
};

// Every kind with its one-line description, in documentation order.
std::span<const KindInfo> all_kinds();
bool is_known_kind(std::string_view name);

}  // namespace lockscope::report
