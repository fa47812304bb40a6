// Type-erased callables (std::function, std::packaged_task, function pointers). A call through a
// holder has no static target. The link follows it to every callable stored into that holder, or
// into a holder whose contents flow into it (a task queue popped into a local), so a thread pool's
// workers run the tasks submitted to it. Store events say what went where; the erased call names
// the holder it calls through.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"
#include "extract/callable_types.h"

namespace lockscope::extract {

using namespace clang;

// The holder an expression designates: a container stands for its elements (q.front(), v[i]),
// a smart pointer for its pointee, a temporary for itself.
FunctionExtractor::Path FunctionExtractor::holder_path(const Expr* e, int depth) {
  if (depth > 16) return unknown("a holder reached through too many steps");  // auto& r = r;
  e = strip(e);
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && (u->getOpcode() == UO_Deref || u->getOpcode() == UO_AddrOf))
    return holder_path(u->getSubExpr(), depth + 1);
  if (const auto* d = dyn_cast<DeclRefExpr>(e)) {
    if (const auto* f = dyn_cast<FunctionDecl>(d->getDecl()); f && !isa<CXXMethodDecl>(f)) return function_value(f);
    if (const auto* v = dyn_cast<VarDecl>(d->getDecl()); v && !v->hasGlobalStorage() && !capture_index_.count(v)) {
      // for (auto& [pattern, handler] : handlers_) / for (const auto& h : handlers_): an element.
      if (shapes().range_of.count(v)) return path_of(shapes().range_of.at(v));
      // const auto& handler = x.second; auto it = handlers_.find(key);
      const Expr* init = v->getInit() ? strip(v->getInit()) : nullptr;
      bool iterator = init && isa<CXXMemberCallExpr>(init) && !carries_callables(v->getType());
      if (init && (v->getType()->isReferenceType() || iterator) && !isa<ParmVarDecl>(v)) {
        if (iterator) {
          const auto* mc = cast<CXXMemberCallExpr>(init);
          if (is_container_type(record_name(mc->getObjectType()))) return path_of(mc->getImplicitObjectArgument());
        } else {
          return holder_path(init, depth + 1);
        }
      }
    }
    if (const auto* b = dyn_cast<BindingDecl>(d->getDecl()); b && b->getBinding()) return holder_path(b->getBinding(), depth + 1);
  }
  // pair.second, it->second: the pair's holder is the pair's (a container's element).
  if (const auto* m = dyn_cast<MemberExpr>(e); m && record_name(m->getBase()->getType()) == "std::pair")
    return holder_path(m->getBase(), depth + 1);
  if (const auto* oc = dyn_cast<CXXOperatorCallExpr>(e); oc && oc->getNumArgs() >= 1) {
    std::string r = record_name(strip(oc->getArg(0))->getType());  // shared_ptr, not its __shared_ptr_access base
    bool deref = oc->getOperator() == OO_Star || oc->getOperator() == OO_Arrow;
    if (deref && is_smart_pointer(r)) return holder_path(oc->getArg(0), depth + 1);
    if (deref && r.find("iterator") != std::string::npos) return holder_path(oc->getArg(0), depth + 1);  // *it, it->second
    if (oc->getOperator() == OO_Subscript && is_container_type(r)) return path_of(oc->getArg(0));
  }
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(e); mc && mc->getMethodDecl() &&
      is_container_type(record_name(mc->getObjectType())) &&
      container_method_names_element(mc->getMethodDecl()->getNameAsString()))
    return path_of(mc->getImplicitObjectArgument());
  if (const Expr* inner = transparent_argument(e)) return holder_path(inner, depth + 1);
  if (const auto* c = dyn_cast<CallExpr>(e); c && c->getDirectCallee() && c->getNumArgs() == 1 &&
      normalize_name(c->getDirectCallee()->getQualifiedNameAsString()) == "std::get")
    return holder_path(c->getArg(0), depth + 1);
  if (const auto* c = dyn_cast<CXXConstructExpr>(e); c && is_callable_holder(record_name(c->getType())))
    return holder_target(c);
  return path_of(e);
}

// What a holder construction initialises: a variable, a member, or a temporary (a task passed
// straight to a submit(std::function<void()>) parameter), named by where it is made.
FunctionExtractor::Path FunctionExtractor::holder_target(const CXXConstructExpr* c) {
  if (construct_target_.count(c) || construct_member_.count(c)) return receiver_of_construct(c);
  facts::Location l = loc(c->getBeginLoc());
  Path p;
  p.root = Path::Root::Local;
  p.id = "holder@" + l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
  p.name = "a temporary " + record_name(c->getType());
  return p;
}

// A call through the holder `holder` designates (task(), std::invoke(task)).
FunctionExtractor::Event FunctionExtractor::call_through(const Expr* holder, SourceLocation at) {
  Event e = make(Event::Kind::Call, at);
  e.callee_name = text(holder);
  e.target = holder_path(holder);
  return e;
}

// `target` may now hold what `source` is: a callable (a lambda, a function, a functor), or the
// contents of another holder.
void FunctionExtractor::store_callable(Path target, const Expr* source, SourceLocation at) {
  if (!target.known()) return;
  if (source->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull)) return;  // fp = NULL
  if (const auto* cond = dyn_cast<AbstractConditionalOperator>(source->IgnoreParenCasts())) {  // fast ? a : b
    store_callable(target, cond->getTrueExpr(), at);
    return store_callable(std::move(target), cond->getFalseExpr(), at);
  }
  if (std::vector<const Expr*> parts = pair_parts(strip(source)); !parts.empty()) {  // make_pair(pattern, handler)
    for (const Expr* part : parts)
      if (carries_callables(part->getType()) || isa<LambdaExpr>(strip(part))) store_callable(target, part, at);
    return;
  }
  Event e = make(Event::Kind::Store, at);
  e.target = std::move(target);

  const Expr* s = strip(source)->IgnoreParenCasts();  // (handler_t)fn
  while (const Expr* inner = transparent_argument(s)) s = strip(inner)->IgnoreParenCasts();  // std::move(f)
  bool holder = carries_callables(s->getType()) || s->getType()->isFunctionType();
  if (!holder && describe_callable(s, e)) return emit(std::move(e));
  if (holder && (e.value = holder_path(s)).known()) return emit(std::move(e));
  // Generic lambdas, std::bind of something else than a named function, pointers chosen
  // through a cast or read from a table with a computed index.
  note(at, "lockscope: the callable '" + text(source) + "' stored into '" + display(e.target) +
               "' is not understood; calls through it do not follow it");
}

// std::bind(&Class::method, object, args...) / std::bind(function, args...): the entry with
// the bound object and arguments (copies are the bound object's own, as for a thread's
// arguments; placeholders are supplied by the call).
bool FunctionExtractor::describe_bind(const CallExpr* bind, Event& e) {
  const Expr* target = strip(bind->getArg(0));
  if (const auto* u = dyn_cast<UnaryOperator>(target); u && u->getOpcode() == UO_AddrOf) target = strip(u->getSubExpr());
  const auto* d = dyn_cast<DeclRefExpr>(target);
  const auto* f = d ? dyn_cast<FunctionDecl>(d->getDecl()) : nullptr;
  if (!f || f->isTemplated()) return false;
  unsigned first = 1;
  if (const auto* m = dyn_cast<CXXMethodDecl>(f); m && !m->isStatic()) {
    if (bind->getNumArgs() < 2) return false;
    e.receiver = thread_arg(bind->getArg(1));
    e.is_virtual = m->isVirtual();
    first = 2;
  }
  e.callees = {usr_of(f)};
  e.callee_name = display_name(f);
  for (unsigned i = first; i < bind->getNumArgs(); ++i)
    e.args.push_back(is_placeholder(bind->getArg(i)->getType()) ? unknown(facts::kCallArgument) : thread_arg(bind->getArg(i)));
  return true;
}

// A callable's entry, its object, and its captures after its declared parameters' arguments:
// those already in e.args (a thread's), or, with open_params, one unknown per declared
// parameter (a callable stored for later: the call through the holder supplies them).
bool FunctionExtractor::describe_callable(const Expr* c, Event& e, bool open_params) {
  if (const auto* u = dyn_cast<UnaryOperator>(c); u && u->getOpcode() == UO_AddrOf) c = strip(u->getSubExpr());
  if (const auto* call = dyn_cast<CallExpr>(c); call && call->getDirectCallee() && call->getNumArgs() >= 1) {
    std::string n = normalize_name(call->getDirectCallee()->getQualifiedNameAsString());
    if (n == "std::bind" || n == "std::bind_front") return describe_bind(call, e);
  }
  const FunctionDecl* entry = literal_callable(c);
  const CXXRecordDecl* closure = nullptr;
  const auto* d = dyn_cast<DeclRefExpr>(c);
  if (const auto* le = dyn_cast<LambdaExpr>(c)) {
    closure = le->getLambdaClass();
  } else if (const auto* v = d ? dyn_cast<VarDecl>(d->getDecl()) : nullptr) {
    if (const CXXMethodDecl* op = call_operator(v->getType().getNonReferenceType()->getAsCXXRecordDecl())) {
      entry = op;  // a named lambda or functor object
      e.receiver = path_of_var(v, 0);
      closure = op->getParent();
    }
  } else if (const CXXMethodDecl* op = entry || d ? nullptr : call_operator(c->getType()->getAsCXXRecordDecl())) {
    entry = op;  // a functor temporary
    e.receiver = unknown("a temporary functor");
    closure = op->getParent();
  }
  if (!entry || entry->isTemplated()) return false;
  e.callees = {usr_of(entry)};
  e.callee_name = display_name(entry);
  if (open_params) add_open_params(entry, e.args);
  if (closure && closure->isLambda()) closure_args(closure, e);
  return true;
}

}  // namespace lockscope::extract
