// Memory that threads can share: globals, statics, and whatever a pointer, a reference or a
// by-reference capture designates. A frame's own locals (unless their address leaves it) and its
// by-value parameters and captures are private; const, thread_local and _Atomic data cannot race.
// Which objects threads really share is the link's question (races.h).
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

void FunctionExtractor::access(const Expr* target, bool write, SourceLocation l) {
  const Expr* t = target->IgnoreParenImpCasts();
  if (t->getType().isConstQualified() || t->getType()->isReferenceType() || t->getType()->isAtomicType()) return;
  if (!isa<DeclRefExpr>(t) && !isa<MemberExpr>(t) && !isa<ArraySubscriptExpr>(t) && !isa<UnaryOperator>(t)) return;
  if (!may_be_shared(t)) return;
  Path p = path_of(t);
  if (!p.known()) p = shared_slot(t);
  if (!p.known()) return;
  Event e = make(Event::Kind::Access, l);
  e.target = std::move(p);
  e.write = write;
  emit(std::move(e));
}

// An element with a computed index is one of many: threads that index with their own values
// (results[id]) touch their own slots, so it counts only when the index itself comes from
// shared data (items[count % N]): then every thread lands on the same slots.
FunctionExtractor::Path FunctionExtractor::shared_slot(const Expr* e) {
  const auto* a = dyn_cast<ArraySubscriptExpr>(e);
  if (!a || !reads_shared(a->getIdx())) return unknown("an element with a computed index");
  Path all = path_of(a->getBase());
  return all.known() ? element_of(std::move(all)) : all;
}

bool FunctionExtractor::reads_shared(const Stmt* s) {
  if (!s) return false;
  if (const auto* d = dyn_cast<DeclRefExpr>(s))
    if (const auto* v = dyn_cast<VarDecl>(d->getDecl()))
      return v->hasGlobalStorage() && v->getTLSKind() == VarDecl::TLS_None && !v->getType().isConstQualified();
  if (const auto* m = dyn_cast<MemberExpr>(s); m && isa<FieldDecl>(m->getMemberDecl()))
    return isa<CXXThisExpr>(m->getBase()->IgnoreParenImpCasts()) || reads_shared(m->getBase());
  for (const Stmt* child : s->children())
    if (reads_shared(child)) return true;
  return false;
}

// Follows an lvalue down to the variable it starts from: any pointer or reference on the way
// leads to memory some other frame or thread may own. Paths see through pointers, so what a
// thread_local pointer designates would be named after the pointer, one per thread: unknown.
bool FunctionExtractor::may_be_shared(const Expr* e) {
  bool indirect = false;
  while (true) {
    e = e->IgnoreParenImpCasts();
    if (const auto* m = dyn_cast<MemberExpr>(e)) {
      if (const auto* v = dyn_cast<VarDecl>(m->getMemberDecl())) return var_may_be_shared(v);  // static member
      indirect = indirect || m->isArrow();
      e = m->getBase();
    } else if (const auto* a = dyn_cast<ArraySubscriptExpr>(e)) {
      indirect = indirect || !a->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
      e = a->getBase();
    } else if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_Deref) {
      indirect = true;
      e = u->getSubExpr();
    } else if (const auto* d = dyn_cast<DeclRefExpr>(e)) {
      const auto* v = dyn_cast<VarDecl>(d->getDecl());
      if (!v) return false;
      if (v->getTLSKind() != VarDecl::TLS_None) return false;
      return indirect || var_may_be_shared(v);
    } else {
      return indirect || isa<CXXThisExpr>(e);
    }
  }
}

bool FunctionExtractor::var_may_be_shared(const VarDecl* v) {
  if (v->getTLSKind() != VarDecl::TLS_None) return false;
  if (capture_index_.count(v)) {
    for (const LambdaCapture& c : cast<CXXMethodDecl>(fd_)->getParent()->captures())
      if (c.capturesVariable() && c.getCapturedVar() == v) return c.getCaptureKind() == LCK_ByRef;
    return false;
  }
  if (v->getType()->isReferenceType() || v->hasGlobalStorage()) return true;
  if (isa<ParmVarDecl>(v)) return false;
  if (!escaping_) {
    escaping_.emplace();
    collect_escaping(fd_->getBody());
  }
  return escaping_->count(v) != 0;
}

}  // namespace lockscope::extract
