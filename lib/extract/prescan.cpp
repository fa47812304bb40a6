// What the CFG walk needs before it meets the uses: which variable or member a construction or a
// call initialises, recursive mutex attributes, threads assigned to handles, range-for loop
// variables, and locals whose address leaves the frame.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

void FunctionExtractor::prescan(const Stmt* s) {
  if (!s) return;
  prescan_semaphore(s);
  if (const auto* ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl* d : ds->decls())
      if (const auto* v = dyn_cast<VarDecl>(d); v && v->getInit())
        if (const Expr* init = strip_to_construct(v->getInit()); const auto* c = dyn_cast<CXXConstructExpr>(init))
          construct_target_[c] = v;
        else if (const auto* call = dyn_cast<CallExpr>(init))
          call_target_[call] = v;
  }
  if (const auto* c = dyn_cast<CallExpr>(s); c && c->getDirectCallee() && c->getNumArgs() >= 2 &&
      special_function(c->getDirectCallee()->getQualifiedNameAsString()) == Special::MutexAttrType) {
    if (text(c->getArg(1)).find("RECURSIVE") != std::string::npos) {
      Path attr = path_of(c->getArg(0));
      if (attr.known()) recursive_attrs_.push_back(attr);
    }
  }
  // t_ = std::thread(...): the thread is joined through t_, as if t_ had been constructed.
  if (const auto* oc = dyn_cast<CXXOperatorCallExpr>(s); oc && oc->getOperator() == OO_Equal && oc->getNumArgs() == 2 &&
      is_thread_type(record_name(oc->getArg(0)->getType())))
    if (const auto* c = dyn_cast<CXXConstructExpr>(strip_to_construct(oc->getArg(1)))) assigned_thread_[c] = oc->getArg(0);
  for (const Stmt* child : s->children()) prescan(child);
}

void FunctionExtractor::prescan_inits(const CXXConstructorDecl* ctor) {
  for (const CXXCtorInitializer* init : ctor->inits()) {
    const FieldDecl* fld = init->getMember();
    if (!fld || !init->getInit()) continue;
    if (const auto* c = dyn_cast<CXXConstructExpr>(strip_to_construct(init->getInit()))) construct_member_[c] = fld;
  }
}

const FunctionExtractor::Shapes& FunctionExtractor::shapes() {
  if (!shapes_) {
    shapes_.emplace();
    collect_shapes(fd_->getBody());
  }
  return *shapes_;
}

void FunctionExtractor::collect_shapes(const Stmt* s) {
  if (!s) return;
  if (const auto* r = dyn_cast<CXXForRangeStmt>(s); r && r->getLoopVariable() && r->getRangeInit())
    shapes_->range_of[r->getLoopVariable()] = r->getRangeInit();
  if (const auto* mc = dyn_cast<CXXMemberCallExpr>(s); mc && mc->getMethodDecl() && mc->getNumArgs() == 1) {
    std::string m = mc->getMethodDecl()->getNameAsString();
    if (m == "push_back" || m == "emplace_back")
      if (const Expr* made = strip(mc->getArg(0)); isa<CallExpr>(made) || isa<CXXConstructExpr>(made))
        shapes_->stored_in[made] = mc->getImplicitObjectArgument();
  }
  for (const Stmt* child : s->children()) collect_shapes(child);
}

// Locals whose address leaves the frame: `&x`, std::ref(x), captured by reference.
void FunctionExtractor::collect_escaping(const Stmt* s) {
  if (!s) return;
  if (const auto* u = dyn_cast<UnaryOperator>(s); u && u->getOpcode() == UO_AddrOf) note_escape(u->getSubExpr());
  if (const auto* e = dyn_cast<Expr>(s))
    if (const Expr* inner = transparent_argument(e)) note_escape(inner);
  if (const auto* le = dyn_cast<LambdaExpr>(s))
    for (const LambdaCapture& c : le->captures())
      if (c.capturesVariable() && c.getCaptureKind() == LCK_ByRef)
        if (const auto* v = dyn_cast<VarDecl>(c.getCapturedVar())) escaping_->insert(v);
  for (const Stmt* child : s->children()) collect_escaping(child);
}

void FunctionExtractor::note_escape(const Expr* e) {
  while (true) {
    e = e->IgnoreParenImpCasts();
    if (const auto* m = dyn_cast<MemberExpr>(e); m && !m->isArrow()) e = m->getBase();
    else if (const auto* a = dyn_cast<ArraySubscriptExpr>(e); a && a->getBase()->IgnoreParenImpCasts()->getType()->isArrayType()) e = a->getBase();
    else break;
  }
  if (const auto* d = dyn_cast<DeclRefExpr>(e))
    if (const auto* v = dyn_cast<VarDecl>(d->getDecl())) escaping_->insert(v);
}

}  // namespace lockscope::extract
