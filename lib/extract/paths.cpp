// Names for users and paths for the link: what an expression designates, relative to the function
// (a global, a parameter, `this`, a local, plus a field chain). Pointers and references are
// transparent; a lambda's captures are extra parameters after its declared ones.
#include "extract/function_extractor.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

facts::Location FunctionExtractor::loc(SourceLocation l) const { return location_of(sm_, l); }

std::string FunctionExtractor::display_name(const FunctionDecl* fd) const {
  if (const auto* md = dyn_cast<CXXMethodDecl>(fd); md && md->getParent()->isLambda()) {
    facts::Location l = loc(md->getParent()->getLocation());
    return "lambda at " + l.file + ":" + std::to_string(l.line);
  }
  return readable(fd->getQualifiedNameAsString());
}

std::string FunctionExtractor::text(const Expr* e) const {
  StringRef s = Lexer::getSourceText(CharSourceRange::getTokenRange(e->getSourceRange()), sm_, ctx_.getLangOpts());
  std::string t = s.str();
  if (t.empty()) {
    // Written inside a macro (EVLOCK_LOCK(...) expanding to `evthread_lock_fns_.lock(...)`): the
    // expression as Clang prints it, rather than a placeholder.
    llvm::raw_string_ostream out(t);
    e->printPretty(out, nullptr, PrintingPolicy(ctx_.getLangOpts()));
  }
  if (t.size() > 60) t = t.substr(0, 57) + "...";
  return t.empty() ? "expression" : t;
}

// A lambda's captures become extra parameters after the declared ones, so a thread started
// with a lambda gets the captured objects substituted like arguments.
void FunctionExtractor::add_capture_params(const CXXRecordDecl* closure, facts::Function& f) {
  unsigned i = fd_->getNumParams();
  for (const LambdaCapture& c : closure->captures()) {
    if (!c.capturesVariable()) continue;
    const auto* v = dyn_cast<VarDecl>(c.getCapturedVar());
    if (!v) continue;
    capture_index_[v] = static_cast<int>(i++);
    f.params.push_back(v->getNameAsString());
  }
}

FunctionExtractor::Path FunctionExtractor::path_of_var(const VarDecl* v, int depth) {
  Path p;
  if (auto it = capture_index_.find(v); it != capture_index_.end()) {
    p.root = Path::Root::Param;
    p.param = it->second;
    p.name = v->getNameAsString();
    return p;
  }
  if (const auto* pv = dyn_cast<ParmVarDecl>(v); pv && pv->getDeclContext() == fd_) {
    p.root = Path::Root::Param;
    p.param = static_cast<int>(pv->getFunctionScopeIndex());
    p.name = v->getNameAsString();
    return p;
  }
  if (v->hasGlobalStorage()) {
    p.root = Path::Root::Global;
    p.id = usr_of(v);
    const auto* owner = dyn_cast_or_null<FunctionDecl>(v->getParentFunctionOrMethod());
    p.name = v->isStaticLocal() && owner ? display_name(owner) + "::" + v->getNameAsString()
                                         : readable(v->getQualifiedNameAsString());
    return p;
  }
  // A local reference or pointer initialised from a path designates that path.
  QualType t = v->getType();
  if ((t->isReferenceType() || t->isPointerType()) && v->getInit() && depth < 8) {
    Path init = path_of(v->getInit(), depth + 1);
    if (init.known()) return init;
  }
  p.root = Path::Root::Local;
  p.id = usr_of(v);
  p.name = v->getNameAsString();
  if (p.id.empty()) return unknown(p.name);
  return p;
}

FunctionExtractor::Path FunctionExtractor::path_of(const Expr* e, int depth) {
  if (!e) return unknown("nothing");
  e = strip(e);
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && (u->getOpcode() == UO_AddrOf || u->getOpcode() == UO_Deref))
    return path_of(u->getSubExpr(), depth);
  // impl_->mu, *ptr: a smart pointer is as transparent as a raw one (a pimpl's lock is the object's).
  if (const auto* oc = dyn_cast<CXXOperatorCallExpr>(e);
      oc && (oc->getOperator() == OO_Arrow || oc->getOperator() == OO_Star) && oc->getNumArgs() == 1 &&
      is_smart_pointer(record_name(strip(oc->getArg(0))->getType())))
    return path_of(oc->getArg(0), depth);
  if (isa<CallExpr>(e)) {
    if (const Expr* inner = transparent_argument(e)) return path_of(inner, depth);
    return unknown("the result of '" + text(e) + "'");
  }
  // (struct job *)arg, static_cast<Job*>(arg), a cast to a base or derived class: the same object.
  if (const auto* c = dyn_cast<ExplicitCastExpr>(e); c && keeps_the_object(c->getCastKind()))
    return path_of(c->getSubExpr(), depth);
  if (isa<CXXThisExpr>(e)) {
    Path p;
    p.root = Path::Root::This;
    p.name = "this";
    return p;
  }
  if (const auto* d = dyn_cast<DeclRefExpr>(e)) {
    if (const auto* v = dyn_cast<VarDecl>(d->getDecl())) return path_of_var(v, depth);
    return unknown(text(e));
  }
  if (const auto* m = dyn_cast<MemberExpr>(e)) {
    if (const auto* v = dyn_cast<VarDecl>(m->getMemberDecl())) return path_of_var(v, depth);  // static member
    const auto* fld = dyn_cast<FieldDecl>(m->getMemberDecl());
    if (!fld) return unknown(text(e));
    Path base = path_of(m->getBase(), depth);
    if (!base.known()) return base;
    base.fields.push_back(field_step(fld));
    return base;
  }
  if (const auto* a = dyn_cast<ArraySubscriptExpr>(e)) {
    Path base = path_of(a->getBase(), depth);
    if (!base.known()) return base;
    Expr::EvalResult r;
    // Elements with a computed index may or may not be one object: naming them all alike
    // would invent self-deadlocks (dining philosophers), so they stay unknown.
    if (!a->getIdx()->EvaluateAsInt(r, ctx_)) return unknown("an element of '" + text(a->getBase()) + "' with a computed index");
    std::string idx = "[" + std::to_string(r.Val.getInt().getExtValue()) + "]";
    base.fields.push_back({idx, idx});
    return base;
  }
  return unknown(text(e));
}

FunctionExtractor::Path FunctionExtractor::this_field(const FieldDecl* fld) const {
  Path p;
  p.root = Path::Root::This;
  p.name = "this";
  p.fields.push_back(field_step(fld));
  return p;
}

// A function used as a value (`hash = jenkins_hash`, `create_worker(worker_main, arg)`): a
// holder that holds just that function (the link knows the "fn:" prefix).
FunctionExtractor::Path FunctionExtractor::function_value(const FunctionDecl* f) const {
  Path p;
  p.root = Path::Root::Global;
  p.id = "fn:" + usr_of(f);
  p.name = readable(f->getQualifiedNameAsString());
  return p;
}

}  // namespace lockscope::extract
