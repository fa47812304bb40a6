// Thread starts (std::thread, std::jthread, pthread_create, thrd_create, emplace into a container
// of threads), the handles that can join them, and joins. A thread's entry gets its arguments the
// way the library passes them: copies, except pointers and std::ref.
#include "extract/function_extractor.h"

#include <clang/Analysis/CFG.h>

#include "extract/ast_helpers.h"
#include "extract/callable_types.h"

namespace lockscope::extract {

using namespace clang;

namespace {

bool creates_thread(const CallExpr* c) {
  const FunctionDecl* f = c->getDirectCallee();
  if (!f || isa<CXXMethodDecl>(f) || c->getNumArgs() < 3) return false;
  Special sp = special_function(f->getQualifiedNameAsString());
  return sp == Special::PthreadCreate || sp == Special::ThrdCreate;
}

// The value `v` last received before the end of `b`, when that is a call's result: found in `b`
// or, while there is exactly one way in, in the blocks before it. Null when unknown.
const CallExpr* last_call_assigned(const CFGBlock* b, const VarDecl* v) {
  for (int depth = 0; b && depth < 8; ++depth) {
    for (auto it = b->rbegin(); it != b->rend(); ++it) {
      auto el = it->getAs<CFGStmt>();
      if (!el) continue;
      const Expr* value = nullptr;
      bool assigns = false;
      if (const auto* bo = dyn_cast<BinaryOperator>(el->getStmt()); bo && bo->isAssignmentOp())
        if (const auto* d = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts()); d && d->getDecl() == v)
          assigns = true, value = bo->getOpcode() == BO_Assign ? bo->getRHS() : nullptr;
      if (const auto* ds = dyn_cast<DeclStmt>(el->getStmt()))
        for (const Decl* d : ds->decls())
          if (d == v) assigns = true, value = v->getInit();
      if (const auto* u = dyn_cast<UnaryOperator>(el->getStmt()); u && u->isIncrementDecrementOp())
        if (const auto* d = dyn_cast<DeclRefExpr>(u->getSubExpr()->IgnoreParenImpCasts()); d && d->getDecl() == v)
          return nullptr;
      if (assigns) return value ? dyn_cast<CallExpr>(value->IgnoreParenImpCasts()) : nullptr;
    }
    const CFGBlock* only = nullptr;
    unsigned preds = 0;
    for (const auto& p : b->preds())
      if (const CFGBlock* r = p.getReachableBlock()) only = r, ++preds;
    b = preds == 1 ? only : nullptr;
  }
  return nullptr;
}

}  // namespace

// If `e` (a branch condition) tests whether a thread creation succeeded (the call itself, or a
// variable that holds only its result; negated or compared with 0), returns the creating call
// and which branch means success (both return 0 on success).
const CallExpr* FunctionExtractor::creation_condition(const CFGBlock& b, const Expr* e, bool& success_on_true) {
  e = e->IgnoreParenImpCasts();
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_LNot) {
    const CallExpr* c = creation_condition(b, u->getSubExpr(), success_on_true);
    success_on_true = !success_on_true;
    return c;
  }
  if (const auto* bo = dyn_cast<BinaryOperator>(e); bo && (bo->getOpcode() == BO_EQ || bo->getOpcode() == BO_NE)) {
    Expr::EvalResult r;
    const Expr* other = compared_with_constant(bo, r, ctx_);
    if (!other || r.Val.getInt() != 0) return nullptr;
    const CallExpr* c = creation_condition(b, other, success_on_true);
    if (c) success_on_true = bo->getOpcode() == BO_EQ;  // == 0: success on true
    return c;
  }
  if (const auto* d = dyn_cast<DeclRefExpr>(e)) {
    const auto* v = dyn_cast<VarDecl>(d->getDecl());
    const CallExpr* c = v && v->hasLocalStorage() ? last_call_assigned(&b, v) : nullptr;
    if (!c || !creates_thread(c)) return nullptr;
    success_on_true = false;
    return c;
  }
  const auto* c = dyn_cast<CallExpr>(e);
  if (!c || !creates_thread(c)) return nullptr;
  success_on_true = false;
  return c;
}

const CXXMethodDecl* FunctionExtractor::call_operator(const CXXRecordDecl* rd) const {
  if (!rd) return nullptr;
  if (rd->isLambda()) return rd->getLambdaCallOperator();
  for (const NamedDecl* nd : rd->lookup(ctx_.DeclarationNames.getCXXOperatorName(OO_Call)))
    if (const auto* m = dyn_cast<CXXMethodDecl>(nd)) return m;
  return nullptr;
}

void FunctionExtractor::spawn(const Expr* callable, const std::vector<const Expr*>& rest, SourceLocation at, Path handle) {
  Event e = make(Event::Kind::Spawn, at);
  e.target = std::move(handle);
  for (const Expr* a : rest) e.args.push_back(thread_arg(a));
  const Expr* c = strip(callable);
  if (const auto* u = dyn_cast<UnaryOperator>(c); u && u->getOpcode() == UO_AddrOf) c = strip(u->getSubExpr());
  if (carries_callables(c->getType())) {  // std::thread t(std::move(task)), pthread_create(.., fn_param, ..)
    e.value = holder_path(c);
    e.callee_name = text(callable);
    return emit(std::move(e));
  }
  // std::jthread passes its stop token first to an entry that takes one.
  const FunctionDecl* entry = literal_callable(c);
  if (!entry) entry = call_operator(c->getType().getNonReferenceType()->getAsCXXRecordDecl());
  if (entry && entry->getNumParams() == rest.size() + 1 && record_name(entry->getParamDecl(0)->getType()) == "std::stop_token")
    e.args.insert(e.args.begin(), unknown("the thread's stop token"));
  const auto* d = dyn_cast<DeclRefExpr>(c);
  if (const auto* m = d ? dyn_cast<CXXMethodDecl>(d->getDecl()) : nullptr; m && !m->isStatic() && !m->isTemplated()) {
    // &Class::method, object, args...: the first argument is the receiver.
    e.callees = {usr_of(m)};
    e.callee_name = display_name(m);
    e.is_virtual = m->isVirtual();
    if (!e.args.empty()) {
      e.receiver = e.args.front();
      e.args.erase(e.args.begin());
    }
  } else if (!describe_callable(c, e, /*open_params=*/false)) {
    e.callee_name = text(callable);
  }
  emit(std::move(e));
}

// pthread_create / thrd_create start a thread; pthread_join / thrd_join join its handle.
void FunctionExtractor::on_thread_function(const CallExpr* c, Special kind, const std::string& name) {
  if (kind == Special::PthreadCreate) {
    if (c->getNumArgs() == 4) spawn(c->getArg(2), {c->getArg(3)}, c->getBeginLoc(), handle_path(c->getArg(0)));
    return;
  }
  if (kind == Special::ThrdCreate) {
    if (c->getNumArgs() == 3) spawn(c->getArg(1), {c->getArg(2)}, c->getBeginLoc(), handle_path(c->getArg(0)));
    return;
  }
  Event e = make(Event::Kind::Join, c->getBeginLoc());
  e.callee_name = name;
  e.args = arg_paths(c);
  if (c->getNumArgs() >= 1) e.args[0] = handle_path(c->getArg(0));
  emit(std::move(e));
}

void FunctionExtractor::on_thread_construct(const CXXConstructExpr* c) {
  if (c->getNumArgs() < 1 || is_thread_type(record_name(c->getArg(0)->getType()))) return;  // a move
  std::vector<const Expr*> rest;
  for (unsigned i = 1; i < c->getNumArgs(); ++i) rest.push_back(c->getArg(i));
  auto var = construct_target_.find(c);
  spawn(c->getArg(0), rest, c->getBeginLoc(),
        var != construct_target_.end()   ? path_of_var(var->second, 0)
        : assigned_thread_.count(c) != 0 ? handle_path(assigned_thread_.at(c))
                                         : stored_handle(c, "a temporary thread"));
}

// t.join(), f.get(), f.wait(), and threads.emplace_back(fn, args...) (a std::thread constructed in
// place): true when the call is one of them or any other call on a thread or a future.
bool FunctionExtractor::on_thread_method(const CXXMemberCallExpr* mc, const std::string& rec, const std::string& method) {
  const Expr* obj = mc->getImplicitObjectArgument();
  if (is_thread_type(rec) || is_future_type(rec)) {
    if (method == "join" || method == "get" || method == "wait") {
      Event e = make(Event::Kind::Join, mc->getBeginLoc());
      e.receiver = handle_path(obj);
      emit(std::move(e));
    }
    return true;
  }
  if ((method != "emplace_back" && method != "emplace") || mc->getNumArgs() < 1) return false;
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(mc->getObjectType()->getAsCXXRecordDecl());
  if (!spec || spec->getTemplateArgs().size() < 1 || spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      !is_thread_type(record_name(spec->getTemplateArgs()[0].getAsType())))
    return false;
  std::vector<const Expr*> rest;
  for (unsigned i = 1; i < mc->getNumArgs(); ++i) rest.push_back(mc->getArg(i));
  Path all = path_of(obj);
  spawn(mc->getArg(0), rest, mc->getBeginLoc(), all.known() ? element_of(all) : unknown("a container element"));
  return true;
}

// A jthread joins in its destructor; so does the future std::async returns, and so does every
// element of a container of them as it is destroyed. True when `v` is one of them.
bool FunctionExtractor::on_thread_dtor(const VarDecl* v, SourceLocation at) {
  if (std::string rec = record_name(v->getType()); rec == "std::jthread" || is_future_type(rec)) {
    Event e = make(Event::Kind::Join, at);
    e.receiver = path_of_var(v, 0);
    emit(std::move(e));
    return true;
  }
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(v->getType()->getAsCXXRecordDecl());
  if (!spec || !is_container_type(normalize_name(spec->getQualifiedNameAsString())) || spec->getTemplateArgs().size() < 1 ||
      spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  std::string elem = record_name(spec->getTemplateArgs()[0].getAsType());
  if (elem != "std::jthread" && !is_future_type(elem)) return false;
  Event e = make(Event::Kind::Join, at);
  e.receiver = element_of(path_of_var(v, 0));
  emit(std::move(e));
  return true;
}

FunctionExtractor::Path FunctionExtractor::handle_path(const Expr* e) {
  const Expr* s = strip(e);
  if (const auto* u = dyn_cast<UnaryOperator>(s); u && u->getOpcode() == UO_AddrOf) s = strip(u->getSubExpr());
  const Expr* container = nullptr;
  if (const auto* d = dyn_cast<DeclRefExpr>(s)) {
    if (const auto* v = dyn_cast<VarDecl>(d->getDecl()); v && shapes().range_of.count(v)) container = shapes().range_of.at(v);
  } else if (const auto* a = dyn_cast<ArraySubscriptExpr>(s); a && !a->getIdx()->isEvaluatable(ctx_)) {
    container = a->getBase();
  } else if (const auto* oc = dyn_cast<CXXOperatorCallExpr>(s); oc && oc->getOperator() == OO_Subscript) {
    container = oc->getArg(0);
  }
  if (container)
    if (Path all = path_of(container); all.known()) return element_of(std::move(all));
  return path_of(e);
}

// threads.push_back(std::thread(...)): the thread is joined as an element of `threads`.
FunctionExtractor::Path FunctionExtractor::stored_handle(const Expr* made, const char* otherwise) {
  auto it = shapes().stored_in.find(made);
  if (it != shapes().stored_in.end())
    if (Path all = path_of(it->second); all.known()) return element_of(std::move(all));
  return unknown(otherwise);
}

// A thread gets its own copy of every argument but pointers and std::ref / std::cref.
FunctionExtractor::Path FunctionExtractor::thread_arg(const Expr* a) {
  QualType t = a->getType().getNonReferenceType();
  if (t->isPointerType() || t->isArrayType() || record_name(t) == "std::reference_wrapper") return path_of(a);
  return unknown("a copy of '" + text(a) + "'");
}

// A lambda's `this` capture makes the spawner's `this` its receiver; captured variables are
// passed as the extra parameters add_capture_params declared.
void FunctionExtractor::closure_args(const CXXRecordDecl* closure, Event& e) {
  for (const LambdaCapture& c : closure->captures())
    if (c.capturesThis()) {
      e.receiver = Path{};
      e.receiver.root = Path::Root::This;
      e.receiver.name = "this";
    }
  append_capture_args(closure, e.args);
  append_nested_references(closure, e.args, 0);
}

// A lambda captured by copy (executor.map's `[f, item] { return f(item); }`) carries its own
// by-reference captures: what they designate reaches whoever runs the outer one. They go after
// the captures, as extra arguments no parameter takes, so the thread that runs it is given them.
void FunctionExtractor::append_nested_references(const CXXRecordDecl* closure, std::vector<Path>& args, int depth) {
  if (depth > 3) return;
  for (const LambdaCapture& c : closure->captures()) {
    const auto* v = c.capturesVariable() ? dyn_cast<VarDecl>(c.getCapturedVar()) : nullptr;
    const CXXRecordDecl* inner = v ? v->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
    if (!inner || !inner->isLambda()) continue;
    for (const LambdaCapture& ic : inner->captures())
      if (ic.capturesVariable() && ic.getCaptureKind() == LCK_ByRef)
        if (const auto* iv = dyn_cast<VarDecl>(ic.getCapturedVar())) args.push_back(path_of_var(iv, 0));
    append_nested_references(inner, args, depth + 1);
  }
}

}  // namespace lockscope::extract
