// Calls, constructions and destructions: the library's locking, thread and callable vocabulary is
// handed to its own file; what remains is a call into program code (a Call event the link follows)
// or a library call that touches a shared container.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"
#include "extract/callable_types.h"

namespace lockscope::extract {

using namespace clang;

FunctionExtractor::Event FunctionExtractor::call_event(const FunctionDecl* callee, SourceLocation at) const {
  Event e = make(Event::Kind::Call, at);
  e.callees = {usr_of(callee)};
  e.callee_name = display_name(callee);
  return e;
}

std::vector<facts::Path> FunctionExtractor::arg_paths(const CallExpr* c, unsigned first) {
  std::vector<Path> out;
  for (unsigned i = first; i < c->getNumArgs(); ++i)
    out.push_back(isa<CXXDefaultArgExpr>(c->getArg(i))          ? unknown("default argument")
                  : carries_callables(c->getArg(i)->getType()) ? holder_path(c->getArg(i))
                  : is_thread_handle(c->getArg(i)->getType())  ? handle_path(c->getArg(i))
                                                                 : path_of(c->getArg(i)));
  return out;
}

void FunctionExtractor::on_call(const CallExpr* c) {
  const FunctionDecl* callee = c->getDirectCallee();
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(c)) return on_member_call(mc);
  if (const auto* oc = dyn_cast<CXXOperatorCallExpr>(c); oc && callee && isa<CXXMethodDecl>(callee))
    return on_operator_call(oc, cast<CXXMethodDecl>(callee));
  if (!callee) {
    // Through a function pointer: the link follows what was stored into it.
    Event e = make(Event::Kind::Call, c->getBeginLoc());
    e.callee_name = text(c->getCallee());
    e.args = arg_paths(c);
    if (is_function_pointer(c->getCallee()->IgnoreParenImpCasts()->getType()) ||
        c->getCallee()->IgnoreParenImpCasts()->getType()->isFunctionType())
      e.target = holder_path(c->getCallee());
    return emit(std::move(e));
  }
  std::string name = normalize_name(callee->getQualifiedNameAsString());
  if (on_lock_function(c, name)) return;
  switch (Special sp = special_function(name)) {
    case Special::PthreadCreate:
    case Special::ThrdCreate:
    case Special::PthreadJoin:
      return on_thread_function(c, sp, name);
    case Special::Async:
      return on_async(c);
    case Special::StdLock:
    case Special::StdTryLock:
      return on_std_lock(c, sp == Special::StdTryLock);
    case Special::PthreadMutexInit:
    case Special::MtxInit:
      return on_mutex_init(c, sp);
    case Special::MutexAttrType:
    case Special::Transparent:
    case Special::None:
      break;
  }
  if (in_system_header(callee) && calls_callables_in_place(name)) return call_in_place(c);
  if ((name == "std::make_shared" || name == "std::make_unique") && c->getNumArgs() >= 1 &&
      carries_callables(c->getType()))
    if (auto var = call_target_.find(c); var != call_target_.end())
      return store_callable(path_of_var(var->second, 0), c->getArg(0), c->getBeginLoc());
  if (on_library_call(c, name) || in_system_header(callee)) return;
  Event e = call_event(callee, c->getBeginLoc());
  e.args = arg_paths(c);
  emit(std::move(e));
}

// std::for_each(b, e, [&](int x) { total += x; }): the callable runs here, in this thread. A
// parallel execution policy would run it in several threads: that is said, not guessed.
void FunctionExtractor::call_in_place(const CallExpr* c) {
  if (c->getNumArgs() >= 1 && record_name(c->getArg(0)->getType()).find("execution") != std::string::npos)
    return note(c->getBeginLoc(),
                "lockscope: a parallel algorithm runs its callable in threads the analysis does not "
                "model; its calls are not analyzed");
  for (const Expr* arg : c->arguments()) {
    const Expr* a = strip(arg);
    if (!isa<LambdaExpr>(a) && !isa<DeclRefExpr>(a) && !isa<UnaryOperator>(a) && !isa<CXXConstructExpr>(a)) continue;
    if (carries_callables(a->getType())) {  // std::invoke(task): a call through the holder
      emit(call_through(arg, c->getBeginLoc()));
      continue;
    }
    Event e = make(Event::Kind::Call, c->getBeginLoc());
    if (describe_callable(a, e) && !e.callees.empty()) emit(std::move(e));
  }
}

void FunctionExtractor::on_member_call(const CXXMemberCallExpr* mc) {
  const CXXMethodDecl* m = mc->getMethodDecl();
  if (!m) return;
  std::string rec = record_name(mc->getObjectType());
  std::string method = isa<CXXConversionDecl>(m) ? "operator bool" : m->getNameAsString();
  const Expr* obj = mc->getImplicitObjectArgument();
  if (is_binary_semaphore(mc->getObjectType())) return on_binary_semaphore(mc, method);
  if (on_mutex_method(mc, rec, method) || on_guard_method(mc, rec, method) || on_thread_method(mc, rec, method)) return;
  // A condition variable evaluates its predicate holding the lock: a call to it, here.
  if (rec.starts_with("std::") && (rec.ends_with("::condition_variable") || rec.ends_with("::condition_variable_any")) &&
      method.starts_with("wait") && mc->getNumArgs() >= 2)
    if (const auto* le = dyn_cast<LambdaExpr>(strip(mc->getArg(mc->getNumArgs() - 1)))) {
      Event e = call_event(le->getCallOperator(), mc->getBeginLoc());
      closure_args(le->getLambdaClass(), e);
      return emit(std::move(e));
    }
  if (is_container_type(rec) && container_method_adds(method) && mc->getNumArgs() >= 1 &&
      carries_callables(mc->getObjectType()))
    store_callable(path_of(obj), mc->getArg(mc->getNumArgs() - 1), mc->getExprLoc());
  if (in_system_header(m) && is_container_type(rec))
    return access(obj, !container_method_reads(rec, method, m->isConst()), mc->getExprLoc());
  if (in_system_header(m)) return;
  Event e = call_event(m, mc->getBeginLoc());
  e.receiver = path_of(obj);
  e.args = arg_paths(mc);
  const auto* me = dyn_cast<MemberExpr>(mc->getCallee()->IgnoreParens());
  e.is_virtual = m->isVirtual() && !(me && me->hasQualifier());
  emit(std::move(e));
}

void FunctionExtractor::on_operator_call(const CXXOperatorCallExpr* oc, const CXXMethodDecl* m) {
  if (oc->getNumArgs() == 0) return;
  std::string rec = record_name(oc->getArg(0)->getType());
  if (on_guard_assign(oc, rec)) return;
  if (in_system_header(m) && is_container_type(rec))
    return access(oc->getArg(0), !container_method_reads(rec, m->getNameAsString(), m->isConst()), oc->getOperatorLoc());
  if (is_callable_holder(rec) && oc->getOperator() == OO_Call) {
    Event e = call_through(oc->getArg(0), oc->getBeginLoc());  // type-erased: the link follows the holder
    e.args = arg_paths(oc, 1);
    return emit(std::move(e));
  }
  if (oc->getOperator() == OO_Equal && oc->getNumArgs() == 2 && carries_callables(oc->getArg(0)->getType()))
    store_callable(holder_path(oc->getArg(0)), oc->getArg(1), oc->getOperatorLoc());
  if (in_system_header(m)) return;
  Event e = call_event(m, oc->getBeginLoc());
  e.receiver = path_of(oc->getArg(0));
  e.args = arg_paths(oc, 1);
  if (m->getParent()->isLambda()) append_capture_args(m->getParent(), e.args);
  e.is_virtual = m->isVirtual();
  emit(std::move(e));
}

void FunctionExtractor::append_capture_args(const CXXRecordDecl* closure, std::vector<Path>& args) {
  for (const LambdaCapture& c : closure->captures()) {
    if (!c.capturesVariable()) continue;
    const auto* v = dyn_cast<VarDecl>(c.getCapturedVar());
    if (!v) continue;
    // A by-copy capture is the closure's own object, unless it copies a pointer.
    bool copy = v->isInitCapture() ? !v->getType()->isReferenceType() : c.getCaptureKind() == LCK_ByCopy;
    // A copy of a holder holds the same callables (the link tracks holders, not objects).
    if (carries_callables(v->getType()))
      args.push_back(v->isInitCapture() && v->getInit() ? holder_path(v->getInit()) : path_of_var(v, 0));
    else if (copy && !v->getType().getNonReferenceType()->isPointerType())
      args.push_back(unknown("a copy of '" + v->getNameAsString() + "'"));
    else if (v->isInitCapture() && v->getInit()) args.push_back(path_of(v->getInit()));
    else args.push_back(path_of_var(v, 0));
  }
}

void FunctionExtractor::on_construct(const CXXConstructExpr* c) {
  const CXXConstructorDecl* ctor = c->getConstructor();
  std::string rec = normalize_name(ctor->getParent()->getQualifiedNameAsString());
  if (GuardKind kind = guard_kind(rec); kind != GuardKind::None) return on_guard_construct(c, kind);
  if (is_thread_type(rec)) return on_thread_construct(c);
  if (is_callable_holder(rec)) {
    if (c->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(c->getArg(0))) store_callable(holder_target(c), c->getArg(0), c->getBeginLoc());
    return;
  }
  if (in_system_header(ctor) || ctor->isTrivial() || (ctor->isImplicit() && ctor->isCopyOrMoveConstructor())) return;
  Event e = call_event(ctor, c->getBeginLoc());
  e.receiver = receiver_of_construct(c);
  std::vector<Path> args;
  for (unsigned i = 0; i < c->getNumArgs(); ++i)
    args.push_back(isa<CXXDefaultArgExpr>(c->getArg(i)) ? unknown("default argument") : path_of(c->getArg(i)));
  e.args = std::move(args);
  emit(std::move(e));
}

FunctionExtractor::Path FunctionExtractor::receiver_of_construct(const CXXConstructExpr* c) {
  if (auto it = construct_target_.find(c); it != construct_target_.end()) return path_of_var(it->second, 0);
  if (auto it = construct_member_.find(c); it != construct_member_.end()) return this_field(it->second);
  return unknown("a temporary");
}

void FunctionExtractor::on_dtor(const VarDecl* v, const Stmt* trigger) {
  if (!v) return;
  SourceLocation at = trigger ? trigger->getEndLoc() : v->getLocation();
  if (auto it = guards_.find(v); it != guards_.end()) return guard_release(it->second, at);
  if (on_thread_dtor(v, at)) return;
  const CXXRecordDecl* rd = v->getType()->getAsCXXRecordDecl();
  if (!rd || !rd->getDestructor()) return;
  const CXXDestructorDecl* dtor = rd->getDestructor();
  if (in_system_header(dtor) || dtor->isTrivial() || dtor->isImplicit()) return;
  Event e = call_event(dtor, at);
  e.receiver = path_of_var(v, 0);
  emit(std::move(e));
}

// A reference or pointer member initialised from a path: the object's field designates it.
void FunctionExtractor::on_initializer(const CXXCtorInitializer* init) {
  const FieldDecl* fld = init->getMember();
  if (!fld || !init->getInit()) return;
  QualType t = fld->getType();
  if (!t->isReferenceType() && !t->isPointerType()) return;
  Path value = path_of(init->getInit());
  if (!value.known()) return;
  Event e = make(Event::Kind::Bind, init->getSourceLocation());
  e.target = this_field(fld);
  e.value = std::move(value);
  emit(std::move(e));
}

}  // namespace lockscope::extract
