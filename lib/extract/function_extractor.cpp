// The walk over one function's CFG: blocks in visiting order, their elements in evaluation order,
// and the events that only happen on one edge (a try-lock's success, a thread creation's failure).
#include "extract/function_extractor.h"

#include <clang/Analysis/CFG.h>
#include <clang/Basic/SourceManager.h>

#include "extract/ast_helpers.h"
#include "extract/callable_types.h"
#include "extract/cfg_shape.h"

namespace lockscope::extract {

using namespace clang;

void FunctionExtractor::run() {
  facts::Function f;
  f.usr = usr_of(fd_);
  if (f.usr.empty()) return;
  f.name = display_name(fd_);
  f.loc = loc(fd_->getLocation());
  f.is_main = fd_->isMain();
  f.external = fd_->isExternallyVisible();
  for (const ParmVarDecl* p : fd_->parameters()) f.params.push_back(p->getNameAsString());
  if (const auto* md = dyn_cast<CXXMethodDecl>(fd_)) {
    f.class_name = md->getParent()->isLambda() ? "" : md->getParent()->getQualifiedNameAsString();
    for (const CXXMethodDecl* o : md->overridden_methods()) f.overrides.push_back(usr_of(o));
    if (md->getParent()->isLambda()) add_capture_params(md->getParent(), f);
    static constexpr facts::Function::Access kAccess[] = {facts::Function::Access::Public, facts::Function::Access::Protected,
                                                        facts::Function::Access::Private, facts::Function::Access::None};
    f.access = kAccess[md->getAccess()];  // clang's AccessSpecifier: AS_public, AS_protected, AS_private, AS_none
    f.is_constructor = isa<CXXConstructorDecl>(md);
    f.is_destructor = isa<CXXDestructorDecl>(md);
    f.is_static = md->isStatic();
  }

  CFG::BuildOptions bo;
  bo.AddImplicitDtors = true;
  bo.AddInitializers = true;
  bo.AddTemporaryDtors = true;
  bo.setAllAlwaysAdd();
  std::unique_ptr<CFG> cfg = CFG::buildCFG(fd_, fd_->getBody(), &ctx_, bo);
  if (!cfg) {
    out_.diagnostics.push_back({report::Diagnostic::Severity::Note, f.loc,
                                "lockscope: no control-flow graph for '" + f.name + "'; its locks are not analyzed"});
    return;
  }
  prescan(fd_->getBody());
  if (const auto* ctor = dyn_cast<CXXConstructorDecl>(fd_)) prescan_inits(ctor);

  f.blocks.resize(cfg->getNumBlockIDs());
  f.entry = cfg->getEntry().getBlockID();
  f.exit = cfg->getExit().getBlockID();
  loops_ = blocks_on_cycles(*cfg);
  for (const CFGBlock* b : visiting_order(*cfg)) extract_block(*b, f.blocks[b->getBlockID()]);
  out_.functions.push_back(std::move(f));
}

void FunctionExtractor::extract_block(const CFGBlock& b, facts::Block& out) {
  in_loop_ = loops_[b.getBlockID()];
  // The condition of a two-way branch: a try-lock or a thread creation may decide it.
  const Expr* branch = b.succ_size() == 2 ? dyn_cast_or_null<Expr>(b.getTerminatorCondition()) : nullptr;
  const CallExpr* try_call = nullptr;
  bool success_on_true = true;
  std::vector<Event> success_events;
  if (branch) try_call = try_condition(branch, success_on_true);
  if (try_call) {
    skip_.insert(try_call);
    sink_ = &success_events;
    emit_try(try_call);
  }
  sink_ = &out.events;
  for (const CFGElement& el : b) {
    if (auto s = el.getAs<CFGStmt>()) on_stmt(s->getStmt());
    else if (auto d = el.getAs<CFGAutomaticObjDtor>()) on_dtor(d->getVarDecl(), d->getTriggerStmt());
    else if (auto i = el.getAs<CFGInitializer>()) on_initializer(i->getInitializer());
  }
  // A block that ends in abort(), exit() or another noreturn call leads nowhere the function
  // returns to: its state (a thread started and never joined there) must not reach the exit.
  if (b.hasNoReturnElement()) return;
  // A thread creation that decides a branch: on the failure edge no thread exists, which for
  // the link is the same as a thread joined at once (so paths that give up do not leave it running).
  bool created_on_true = false;
  const CallExpr* created = branch ? creation_condition(b, branch, created_on_true) : nullptr;
  unsigned index = 0;
  for (const auto& s : b.succs()) {
    const CFGBlock* to = s.getReachableBlock();
    bool is_true_edge = index++ == 0;
    if (!to) continue;
    facts::Edge edge;
    edge.to = to->getBlockID();
    if (try_call && is_true_edge == success_on_true) edge.events = success_events;
    if (created && is_true_edge != created_on_true) {
      Event join = make(Event::Kind::Join, created->getBeginLoc());
      join.callee_name = facts::kCreationFailed;
      join.args = {handle_path(created->getArg(0))};
      edge.events.push_back(std::move(join));
    }
    out.succs.push_back(std::move(edge));
  }
}

void FunctionExtractor::on_stmt(const Stmt* s) {
  if (const auto* c = dyn_cast<CXXConstructExpr>(s)) return on_construct(c);
  if (const auto* c = dyn_cast<CallExpr>(s)) {
    if (!skip_.count(c)) on_call(c);
    return;
  }
  if (const auto* b = dyn_cast<BinaryOperator>(s); b && b->isAssignmentOp()) {
    if (b->getOpcode() == BO_Assign && is_function_pointer(b->getLHS()->getType()))
      store_callable(holder_path(b->getLHS()), b->getRHS(), b->getOperatorLoc());
    return access(b->getLHS(), true, b->getOperatorLoc());
  }
  if (const auto* ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl* d : ds->decls())
      if (const auto* v = dyn_cast<VarDecl>(d); v && v->getInit() && !v->hasGlobalStorage() && is_function_pointer(v->getType()))
        store_callable(path_of_var(v, 0), v->getInit(), v->getLocation());
    return;
  }
  if (const auto* u = dyn_cast<UnaryOperator>(s); u && u->isIncrementDecrementOp())
    return access(u->getSubExpr(), true, u->getOperatorLoc());
  if (const auto* ic = dyn_cast<ImplicitCastExpr>(s); ic && ic->getCastKind() == CK_LValueToRValue)
    return access(ic->getSubExpr(), false, ic->getExprLoc());
}

FunctionExtractor::Event FunctionExtractor::make(Event::Kind k, SourceLocation l) const {
  Event e;
  e.kind = k;
  e.loc = loc(l);
  e.in_loop = in_loop_;
  return e;
}

void FunctionExtractor::note(SourceLocation at, std::string message) {
  out_.diagnostics.push_back({report::Diagnostic::Severity::Note, loc(at), std::move(message)});
}

bool FunctionExtractor::in_system_header(const Decl* d) const {
  return sm_.isInSystemHeader(sm_.getExpansionLoc(d->getLocation()));
}

}  // namespace lockscope::extract
