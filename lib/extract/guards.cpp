// RAII guards (lock_guard, unique_lock, scoped_lock, shared_lock): a guard variable is tracked from
// its construction (which locks, unless deferred, adopted or tried) through its methods and moves
// to its destruction (which unlocks what it still owns). A guard over a program-defined lockable
// calls that type's lock() and unlock() instead.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

namespace {

facts::LockMode mode_of(GuardKind kind) {
  return kind == GuardKind::SharedLock ? facts::LockMode::Shared : facts::LockMode::Exclusive;
}

}  // namespace

FunctionExtractor::Guard* FunctionExtractor::guard_of(const Expr* e) {
  e = strip(e);
  while (const Expr* inner = transparent_argument(e)) e = strip(inner);  // std::move(lk) designates lk
  const auto* d = dyn_cast<DeclRefExpr>(e);
  if (!d) return nullptr;
  auto it = guards_.find(d->getDecl());
  return it == guards_.end() ? nullptr : &it->second;
}

void FunctionExtractor::call_user_lock_method(const GuardLock& l, const char* name, SourceLocation at) {
  for (const NamedDecl* nd : l.user_type->lookup(&ctx_.Idents.get(name))) {
    const auto* m = dyn_cast<CXXMethodDecl>(nd);
    if (!m || m->getNumParams() != 0) continue;
    Event e = call_event(m, at);
    e.receiver = l.path;
    emit(std::move(e));
    return;
  }
}

void FunctionExtractor::guard_acquire(const Guard& g, SourceLocation at, bool is_try) {
  std::vector<Path> std_locks;
  bool recursive = true;
  for (const GuardLock& l : g.locks) {
    if (l.user_type) {
      call_user_lock_method(l, g.kind == GuardKind::SharedLock ? "lock_shared" : (is_try ? "try_lock" : "lock"), at);
      continue;
    }
    std_locks.push_back(l.path);
    recursive = recursive && l.recursive;
  }
  if (!std_locks.empty()) acquire(std::move(std_locks), at, mode_of(g.kind), is_try, recursive);
}

void FunctionExtractor::guard_release(const Guard& g, SourceLocation at) {
  if (g.disowned) return;
  std::vector<Path> std_locks;
  for (const GuardLock& l : g.locks) {
    if (l.user_type) call_user_lock_method(l, g.kind == GuardKind::SharedLock ? "unlock_shared" : "unlock", at);
    else std_locks.push_back(l.path);
  }
  if (!std_locks.empty()) release(std::move(std_locks), at, mode_of(g.kind));
}

void FunctionExtractor::on_guard_construct(const CXXConstructExpr* c, GuardKind kind) {
  Guard g;
  g.kind = kind;
  bool defer = false, adopt = false, try_lock = false;
  const Guard* moved_from = nullptr;
  for (unsigned i = 0; i < c->getNumArgs(); ++i) {
    const Expr* a = c->getArg(i);
    std::string type = record_name(a->getType());
    if (type == "std::defer_lock_t") defer = true;
    else if (type == "std::adopt_lock_t") adopt = true;
    else if (type == "std::try_to_lock_t") try_lock = true;
    else if (guard_kind(type) != GuardKind::None) moved_from = guard_of(a);
    else if (a->getType()->isRecordType() || a->getType()->isReferenceType() || a->isLValue()) {
      if (i > 0 && (kind == GuardKind::UniqueLock || kind == GuardKind::SharedLock)) continue;  // timeouts
      GuardLock l;
      l.path = path_of(a);
      l.recursive = is_recursive_mutex_type(type);
      const CXXRecordDecl* rd = a->getType().getNonReferenceType()->getAsCXXRecordDecl();
      if (rd && !is_mutex_type(type) && !in_system_header(rd)) l.user_type = rd;
      g.locks.push_back(std::move(l));
    }
  }
  if (moved_from) {
    g.locks = moved_from->locks;
    const_cast<Guard*>(moved_from)->disowned = true;
    defer = true;  // ownership moves; nothing is locked anew
  }
  auto var = construct_target_.find(c);
  if (var == construct_target_.end()) {
    // A temporary guard locks and unlocks within its full expression.
    if (!defer && !adopt && !try_lock) guard_acquire(g, c->getBeginLoc(), false);
    guard_release(g, c->getBeginLoc());
    return;
  }
  SourceLocation at = var->second->getLocation();
  if (!defer && !adopt && !try_lock) guard_acquire(g, at, false);
  guards_[var->second] = std::move(g);
}

// lk.lock(), lk.unlock(), lk.release(), ...: true when the object is a guard type.
bool FunctionExtractor::on_guard_method(const CXXMemberCallExpr* mc, const std::string& rec, const std::string& method) {
  GuardKind gk = guard_kind(rec);
  if (gk == GuardKind::None) return false;
  Guard* g = guard_of(mc->getImplicitObjectArgument());
  if (!g) return true;
  switch (guard_method(gk, method).op) {
    case LockOp::Lock: guard_acquire(*g, mc->getBeginLoc(), false); break;
    case LockOp::TryLock: guard_acquire(*g, mc->getBeginLoc(), true); break;
    case LockOp::Unlock: guard_release(*g, mc->getBeginLoc()); break;
    case LockOp::Disown: g->disowned = true; break;
    default: break;
  }
  return true;
}

// lk2 = std::move(lk): lk2 releases what it owned and takes over lk's mutex. True for any operator
// on a unique_lock or shared_lock.
bool FunctionExtractor::on_guard_assign(const CXXOperatorCallExpr* oc, const std::string& rec) {
  if (guard_kind(rec) != GuardKind::UniqueLock && guard_kind(rec) != GuardKind::SharedLock) return false;
  if (oc->getOperator() == OO_Equal && oc->getNumArgs() == 2) {
    Guard* to = guard_of(oc->getArg(0));
    Guard* from = guard_of(oc->getArg(1));
    if (to) guard_release(*to, oc->getBeginLoc());
    if (to && from) {
      to->locks = from->locks;
      to->disowned = false;
      from->disowned = true;
    }
  }
  return true;
}

}  // namespace lockscope::extract
