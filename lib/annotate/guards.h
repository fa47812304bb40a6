#pragma once
// What the guard inference concluded, in source terms: the input of `lockscope annotate`.
//
// This is the seam between the analysis (lib/link infers; issue 12 point 4) and the writer
// (lib/annotate places Clang Thread Safety annotations). The writer trusts these facts and only
// decides where the text goes; it never analyses code.
//
// Locations name the *declared identifier* (file:line:column, 1-based, columns in bytes as Clang
// counts them) of the first declaration: a field in its class, a global at its declaration, a
// function at its first declaration (in the class for a member function), so the attribute
// precedes every use, as Clang requires.
#include <string>
#include <vector>

#include "report/finding.h"

namespace lockscope::annotate {

// A field or global that is only accessed with `lock` held: GUARDED_BY(lock), or
// PT_GUARDED_BY(lock) when it is the pointee that is guarded.
struct GuardedVariable {
  report::Location decl;  // the declared name
  std::string name;       // as declared ("balance_"), to check the location points at it
  std::string lock;       // source text naming the lock at the declaration ("mu_", "impl_->mu")
  bool pointee = false;   // PT_GUARDED_BY
  friend bool operator==(const GuardedVariable&, const GuardedVariable&) = default;
};

// A function every caller calls with `locks` held: REQUIRES(locks...).
struct RequiringFunction {
  report::Location decl;           // the declared name of the first declaration
  std::string name;                // unqualified ("MaybeScheduleCompaction")
  std::vector<std::string> locks;  // source text at the declaration
  friend bool operator==(const RequiringFunction&, const RequiringFunction&) = default;
};

// A lock that, wherever both are held, is acquired after `earlier`: ACQUIRED_AFTER(earlier)
// on the later lock's declaration.
struct LockOrder {
  report::Location later_decl;  // the declared name of the lock taken second
  std::string later;            // its name as declared
  std::string earlier;          // source text naming the first lock at later's declaration
  friend bool operator==(const LockOrder&, const LockOrder&) = default;
};

struct GuardFacts {
  std::vector<GuardedVariable> variables;
  std::vector<RequiringFunction> functions;
  std::vector<LockOrder> orders;
  friend bool operator==(const GuardFacts&, const GuardFacts&) = default;
};

}  // namespace lockscope::annotate
