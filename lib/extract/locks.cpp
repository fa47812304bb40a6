// Mutexes and the C locking functions: acquire and release events, try-locks whose success decides
// a branch (the acquire goes on the success edge only), std::lock / std::try_lock, and mutexes
// initialised as recursive (pthread attributes, mtx_recursive).
#include "extract/function_extractor.h"

#include <clang/AST/ParentMapContext.h>

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

namespace {

bool zero_on_success(const CallExpr* c) {
  const FunctionDecl* f = c->getDirectCallee();
  return f && !isa<CXXMethodDecl>(f) && lock_function(f->getQualifiedNameAsString()).zero_on_success;
}

}  // namespace

void FunctionExtractor::acquire(std::vector<Path> locks, SourceLocation l, LockMode mode, bool is_try, bool recursive) {
  Event e = make(Event::Kind::Acquire, l);
  e.locks = std::move(locks);
  e.mode = mode;
  e.is_try = is_try;
  e.recursive = recursive;
  emit(std::move(e));
}

void FunctionExtractor::release(std::vector<Path> locks, SourceLocation l, LockMode mode) {
  Event e = make(Event::Kind::Release, l);
  e.locks = std::move(locks);
  e.mode = mode;
  emit(std::move(e));
}

// pthread_mutex_lock(&m), mtx_unlock(&m), ...: true when `name` is one of them.
bool FunctionExtractor::on_lock_function(const CallExpr* c, const std::string& name) {
  OpInfo op = lock_function(name);
  if (op.op == LockOp::None || c->getNumArgs() < 1) return false;
  if (op.op == LockOp::Unlock) release({path_of(c->getArg(0))}, c->getBeginLoc(), op.mode);
  else if (op.op == LockOp::TryLock && result_ignored(c)) ignored_try(c, name);
  else acquire({path_of(c->getArg(0))}, c->getBeginLoc(), op.mode, op.op == LockOp::TryLock, false);
  return true;
}

// `pthread_mutex_trylock(&m);` as a statement: nobody learns whether the lock was taken, so what
// follows runs with or without it. Taking it as held on some path would let it hide the races it
// fails to prevent; it guards nothing (the data-race says so), and a note names the call.
bool FunctionExtractor::result_ignored(const Expr* call) {
  const Stmt* s = call;
  while (true) {
    auto parents = ctx_.getParents(*s);
    if (parents.size() != 1) return false;
    const Stmt* p = parents[0].get<Stmt>();
    if (!p) return false;
    if (isa<CompoundStmt>(p)) return true;
    const auto* cast = dyn_cast<CastExpr>(p);
    if (!isa<ParenExpr>(p) && !isa<ExprWithCleanups>(p) && !(cast && cast->getType()->isVoidType())) return false;
    s = p;
  }
}

void FunctionExtractor::ignored_try(const CallExpr* c, const std::string& name) {
  note(c->getBeginLoc(), "lockscope: the result of " + name + "('" + text(c->getArg(0)) +
                             "') is ignored: the lock may not be held after it, so it guards nothing that follows");
}

// m.lock(), m.try_lock_shared(), m.unlock(), ...: true when the object is a standard mutex.
bool FunctionExtractor::on_mutex_method(const CXXMemberCallExpr* mc, const std::string& rec, const std::string& method) {
  if (!is_mutex_type(rec)) return false;
  const Expr* obj = mc->getImplicitObjectArgument();
  OpInfo op = mutex_method(method);
  if (op.op == LockOp::Unlock) release({path_of(obj)}, mc->getBeginLoc(), op.mode);
  else if (op.op == LockOp::Lock || op.op == LockOp::TryLock)
    acquire({path_of(obj)}, mc->getBeginLoc(), op.mode, op.op == LockOp::TryLock, is_recursive_mutex_type(rec));
  return true;
}

void FunctionExtractor::on_std_lock(const CallExpr* c, bool is_try) {
  std::vector<Path> locks;
  for (unsigned i = 0; i < c->getNumArgs(); ++i)
    if (const Guard* g = guard_of(c->getArg(i))) {  // std::lock(lk1, lk2) locks the guards' mutexes
      for (const GuardLock& l : g->locks) locks.push_back(l.path);
    } else {
      locks.push_back(path_of(c->getArg(i)));
    }
  bool rec = c->getNumArgs() > 0 && is_recursive_mutex_type(record_name(c->getArg(0)->getType()));
  acquire(std::move(locks), c->getBeginLoc(), LockMode::Exclusive, is_try, rec);
}

void FunctionExtractor::on_mutex_init(const CallExpr* c, Special kind) {
  if (c->getNumArgs() != 2) return;
  if (kind == Special::PthreadMutexInit) {
    Path attr = path_of(c->getArg(1));
    for (const Path& r : recursive_attrs_)
      if (attr.known() && r == attr) mark_recursive(c->getArg(0), c->getBeginLoc());
  } else if (text(c->getArg(1)).find("recursive") != std::string::npos) {
    mark_recursive(c->getArg(0), c->getBeginLoc());
  }
}

void FunctionExtractor::mark_recursive(const Expr* lock, SourceLocation l) {
  Event e = make(Event::Kind::Recursive, l);
  e.locks = {path_of(lock)};
  emit(std::move(e));
}

// If `e` (a branch condition) tests whether a try-lock succeeded, returns the try-lock call
// and which branch means success.
const CallExpr* FunctionExtractor::try_condition(const Expr* e, bool& success_on_true) {
  e = e->IgnoreParenImpCasts();
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_LNot) {
    const CallExpr* c = try_condition(u->getSubExpr(), success_on_true);
    success_on_true = !success_on_true;
    return c;
  }
  if (const auto* bo = dyn_cast<BinaryOperator>(e); bo && (bo->getOpcode() == BO_EQ || bo->getOpcode() == BO_NE)) {
    Expr::EvalResult r;
    const Expr* other = compared_with_constant(bo, r, ctx_);
    if (!other) return nullptr;
    const auto* c = dyn_cast<CallExpr>(other->IgnoreParenImpCasts());
    if (!c || !is_try_call(c)) return nullptr;
    bool zero_ok = zero_on_success(c);
    bool value_means_success = zero_ok ? r.Val.getInt() == 0 : r.Val.getInt() != 0;
    success_on_true = (bo->getOpcode() == BO_EQ) == value_means_success;
    return c;
  }
  const auto* c = dyn_cast<CallExpr>(e);
  if (!c || !is_try_call(c)) return nullptr;
  success_on_true = !zero_on_success(c);
  return c;
}

bool FunctionExtractor::is_try_call(const CallExpr* c) {
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(c)) {
    std::string rec = record_name(mc->getObjectType());
    std::string m = mc->getMethodDecl() ? mc->getMethodDecl()->getNameAsString() : "";
    if (isa_and_nonnull<CXXConversionDecl>(mc->getMethodDecl())) m = "operator bool";
    if (is_mutex_type(rec)) return mutex_method(m).op == LockOp::TryLock;
    LockOp op = guard_method(guard_kind(rec), m).op;
    return op == LockOp::TryLock || op == LockOp::Owns;
  }
  const FunctionDecl* f = c->getDirectCallee();
  return f && !isa<CXXMethodDecl>(f) && lock_function(f->getQualifiedNameAsString()).op == LockOp::TryLock;
}

// A try-lock that decides a branch: the acquire goes on the success edge only.
void FunctionExtractor::emit_try(const CallExpr* c) {
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(c)) {
    std::string rec = record_name(mc->getObjectType());
    if (is_mutex_type(rec)) {
      OpInfo op = mutex_method(mc->getMethodDecl()->getNameAsString());
      acquire({path_of(mc->getImplicitObjectArgument())}, c->getBeginLoc(), op.mode, true, is_recursive_mutex_type(rec));
      return;
    }
    if (const Guard* g = guard_of(mc->getImplicitObjectArgument())) guard_acquire(*g, c->getBeginLoc(), true);
    return;
  }
  OpInfo op = lock_function(c->getDirectCallee()->getQualifiedNameAsString());
  if (c->getNumArgs() >= 1) acquire({path_of(c->getArg(0))}, c->getBeginLoc(), op.mode, true, false);
}

}  // namespace lockscope::extract
