// The Clang side of extraction: walks every function's CFG (built with implicit destructors and
// every subexpression as an element, like clang's ThreadSafety analysis) and records, in
// evaluation order, the lock operations of the base vocabulary, calls into program code, thread
// starts, joins and memory accesses. It stays syntactic: a lock is a *path* (facts.h), and which
// object a path designates is the link's business.
#include "extract/extract.h"

#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Analysis/CFG.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/Lexer.h>
#include <clang/Tooling/Tooling.h>

#include "extract/source_quote.h"
#include "extract/vocabulary.h"

namespace lockscope::extract {
namespace {

using namespace clang;
using facts::Event;
using facts::LockMode;
using facts::Path;

std::string usr_of(const Decl* d) {
  llvm::SmallString<128> buf;
  if (!d || index::generateUSRForDecl(d, buf)) return {};
  return std::string(buf.str());
}

std::string record_name(QualType t) {
  t = t.getNonReferenceType();
  if (const auto* p = t->getAs<PointerType>()) t = p->getPointeeType();
  if (const auto* rd = t->getAsCXXRecordDecl()) return normalize_name(rd->getQualifiedNameAsString());
  return {};
}

// Peels everything that does not change which object an expression designates.
// Display names drop "(anonymous namespace)::": users write `counter`, not the qualifier. (Ids
// are USRs, so nothing is merged by this.)
std::string readable(std::string name) {
  static constexpr std::string_view anon = "(anonymous namespace)::";
  for (size_t at; (at = name.find(anon)) != std::string::npos;) name.erase(at, anon.size());
  return name;
}

// Casts that designate the object their operand designates: pointer and reference
// reinterpretations and class-hierarchy casts. Not integer/pointer conversions.
bool keeps_the_object(CastKind k) {
  switch (k) {
    case CK_NoOp:
    case CK_BitCast:
    case CK_LValueBitCast:
    case CK_BaseToDerived:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_Dynamic:
    case CK_AddressSpaceConversion:
      return true;
    default:
      return false;
  }
}

const Expr* strip(const Expr* e) {
  while (e) {
    const Expr* before = e;
    e = e->IgnoreParenImpCasts();
    if (const auto* m = dyn_cast<MaterializeTemporaryExpr>(e)) e = m->getSubExpr();
    else if (const auto* b = dyn_cast<CXXBindTemporaryExpr>(e)) e = b->getSubExpr();
    else if (const auto* c = dyn_cast<ExprWithCleanups>(e)) e = c->getSubExpr();
    else if (const auto* f = dyn_cast<CXXFunctionalCastExpr>(e)) e = f->getSubExpr();
    else if (const auto* k = dyn_cast<CXXConstructExpr>(e);
             k && k->getNumArgs() == 1 && k->getConstructor()->isCopyOrMoveConstructor())
      e = k->getArg(0);
    if (e == before) break;
  }
  return e;
}

// The object std::ref(x), std::move(x), std::forward<T>(x) or std::addressof(x) designates: x;
// null for any other expression.
const Expr* transparent_argument(const Expr* e) {
  const auto* c = dyn_cast<CallExpr>(e);
  if (!c || !c->getDirectCallee() || c->getNumArgs() < 1) return nullptr;
  std::string name = normalize_name(c->getDirectCallee()->getQualifiedNameAsString());
  return special_function(name) == Special::Transparent ? c->getArg(0) : nullptr;
}

// The function a lambda expression or a named function (`f`, `&f`) calls; null for anything else.
const FunctionDecl* literal_callable(const Expr* e) {
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_AddrOf) e = strip(u->getSubExpr());
  if (const auto* le = dyn_cast<LambdaExpr>(e)) return le->getCallOperator();
  if (const auto* d = dyn_cast<DeclRefExpr>(e))
    if (const auto* f = dyn_cast<FunctionDecl>(d->getDecl()); f && !(isa<CXXMethodDecl>(f) && !cast<CXXMethodDecl>(f)->isStatic()))
      return f;
  return nullptr;
}

// One open argument per declared parameter of a callable stored for later: the call through the
// holder supplies them (facts::kCallArgument).
void add_open_params(const FunctionDecl* f, std::vector<Path>& args) {
  for (unsigned i = 0; i < f->getNumParams(); ++i) args.push_back(Path{Path::Root::Unknown, "", facts::kCallArgument, -1, {}});
}

class FunctionExtractor {
 public:
  FunctionExtractor(ASTContext& ctx, const FunctionDecl* fd, facts::TranslationUnitFacts& out)
      : ctx_(ctx), sm_(ctx.getSourceManager()), fd_(fd), out_(out) {}

  void run() {
    facts::Function f;
    f.usr = usr_of(fd_);
    if (f.usr.empty()) return;
    f.name = display_name(fd_);
    f.loc = loc(fd_->getLocation());
    f.is_main = fd_->isMain();
    for (const ParmVarDecl* p : fd_->parameters()) f.params.push_back(p->getNameAsString());
    if (const auto* md = dyn_cast<CXXMethodDecl>(fd_)) {
      f.class_name = md->getParent()->isLambda() ? "" : md->getParent()->getQualifiedNameAsString();
      for (const CXXMethodDecl* o : md->overridden_methods()) f.overrides.push_back(usr_of(o));
      if (md->getParent()->isLambda()) add_capture_params(md->getParent(), f);
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
    // Reverse post-order, so a guard's construction is seen before its uses and destruction.
    for (const CFGBlock* b : reverse_post_order(*cfg)) extract_block(*b, f.blocks[b->getBlockID()]);
    out_.functions.push_back(std::move(f));
  }

 private:
  // ---- names and locations ---------------------------------------------------------------

  facts::Location loc(SourceLocation l) const {
    if (l.isInvalid()) return {};
    PresumedLoc p = sm_.getPresumedLoc(sm_.getExpansionLoc(l));
    if (p.isInvalid()) return {};
    return {p.getFilename(), p.getLine(), p.getColumn()};
  }

  std::string display_name(const FunctionDecl* fd) const {
    if (const auto* md = dyn_cast<CXXMethodDecl>(fd); md && md->getParent()->isLambda()) {
      facts::Location l = loc(md->getParent()->getLocation());
      return "lambda at " + l.file + ":" + std::to_string(l.line);
    }
    return readable(fd->getQualifiedNameAsString());
  }

  std::string text(const Expr* e) const {
    StringRef s = Lexer::getSourceText(CharSourceRange::getTokenRange(e->getSourceRange()), sm_, ctx_.getLangOpts());
    std::string t = s.str();
    if (t.empty()) {
      // Written inside a macro (EVLOCK_LOCK(...) expanding to `evthread_lock_fns_.lock(...)`): the
      // expression as Clang prints it, rather than a placeholder.
      llvm::raw_string_ostream out(t);
      e->printPretty(out, nullptr, PrintingPolicy(ctx_.getLangOpts()));
    }
    t = quote_source(t);  // one line, cut between tokens (source_quote.h)
    return t.empty() ? "expression" : t;
  }

  static Path unknown(std::string why) {
    Path p;
    p.name = std::move(why);
    return p;
  }

  // ---- paths -----------------------------------------------------------------------------

  // A lambda's captures become extra parameters after the declared ones, so a thread started
  // with a lambda gets the captured objects substituted like arguments.
  void add_capture_params(const CXXRecordDecl* closure, facts::Function& f) {
    unsigned i = fd_->getNumParams();
    for (const LambdaCapture& c : closure->captures()) {
      if (!c.capturesVariable()) continue;
      const auto* v = dyn_cast<VarDecl>(c.getCapturedVar());
      if (!v) continue;
      capture_index_[v] = static_cast<int>(i++);
      f.params.push_back(v->getNameAsString());
    }
  }

  Path path_of_var(const VarDecl* v, int depth) {
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

  Path path_of(const Expr* e, int depth = 0) {
    if (!e) return unknown("nothing");
    e = strip(e);
    if (const auto* u = dyn_cast<UnaryOperator>(e);
        u && (u->getOpcode() == UO_AddrOf || u->getOpcode() == UO_Deref))
      return path_of(u->getSubExpr(), depth);
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
      base.fields.push_back({fld->getParent()->getQualifiedNameAsString() + "::" + fld->getNameAsString(),
                             fld->getNameAsString()});
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

  // ---- pre-scan: declarations that the CFG walk needs before it meets their uses ------------

  void prescan(const Stmt* s) {
    if (!s) return;
    if (const auto* mc = dyn_cast<CXXMemberCallExpr>(s); mc && mc->getMethodDecl() && is_binary_semaphore(mc->getObjectType())) {
      std::string m = mc->getMethodDecl()->getNameAsString();
      Path p = path_of(mc->getImplicitObjectArgument());
      if (p.known()) (m == "release" ? semaphore_releases_ : semaphore_acquires_).push_back(p);
    }
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

  static const Expr* strip_to_construct(const Expr* e) {
    while (true) {
      const Expr* before = e;
      e = e->IgnoreImplicit();
      if (const auto* c = dyn_cast<ExprWithCleanups>(e)) e = c->getSubExpr();
      if (const auto* c = dyn_cast<CXXFunctionalCastExpr>(e)) e = c->getSubExpr();
      if (e == before) return e;
    }
  }

  // The value `v` last received before the end of `b`, when that is a call's result: found in `b`
  // or, while there is exactly one way in, in the blocks before it. Null when unknown.
  static const CallExpr* last_call_assigned(const CFGBlock* b, const VarDecl* v) {
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

  static bool creates_thread(const CallExpr* c) {
    const FunctionDecl* f = c->getDirectCallee();
    if (!f || isa<CXXMethodDecl>(f) || c->getNumArgs() < 3) return false;
    Special sp = special_function(f->getQualifiedNameAsString());
    return sp == Special::PthreadCreate || sp == Special::ThrdCreate;
  }

  // `x == K` or `K != x` with K an integer constant: x, with K in `k`; null otherwise.
  const Expr* compared_with_constant(const BinaryOperator* bo, Expr::EvalResult& k) const {
    if (bo->getRHS()->EvaluateAsInt(k, ctx_)) return bo->getLHS();
    if (bo->getLHS()->EvaluateAsInt(k, ctx_)) return bo->getRHS();
    return nullptr;
  }

  // If `e` (a branch condition) tests whether a thread creation succeeded (the call itself, or a
  // variable that holds only its result; negated or compared with 0), returns the creating call
  // and which branch means success (both return 0 on success).
  const CallExpr* creation_condition(const CFGBlock& b, const Expr* e, bool& success_on_true) {
    e = e->IgnoreParenImpCasts();
    if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_LNot) {
      const CallExpr* c = creation_condition(b, u->getSubExpr(), success_on_true);
      success_on_true = !success_on_true;
      return c;
    }
    if (const auto* bo = dyn_cast<BinaryOperator>(e); bo && (bo->getOpcode() == BO_EQ || bo->getOpcode() == BO_NE)) {
      Expr::EvalResult r;
      const Expr* other = compared_with_constant(bo, r);
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

  void prescan_inits(const CXXConstructorDecl* ctor) {
    for (const CXXCtorInitializer* init : ctor->inits()) {
      const FieldDecl* fld = init->getMember();
      if (!fld || !init->getInit()) continue;
      if (const auto* c = dyn_cast<CXXConstructExpr>(strip_to_construct(init->getInit()))) construct_member_[c] = fld;
    }
  }

  Path this_field(const FieldDecl* fld) const {
    Path p;
    p.root = Path::Root::This;
    p.name = "this";
    p.fields.push_back({fld->getParent()->getQualifiedNameAsString() + "::" + fld->getNameAsString(),
                        fld->getNameAsString()});
    return p;
  }

  // ---- CFG shape ---------------------------------------------------------------------------

  static std::vector<const CFGBlock*> reverse_post_order(const CFG& cfg) {
    std::vector<const CFGBlock*> post;
    std::vector<char> seen(cfg.getNumBlockIDs(), 0);
    // Iterative DFS: functions with thousands of blocks must not overflow the stack.
    std::vector<std::pair<const CFGBlock*, CFGBlock::const_succ_iterator>> stack;
    auto push = [&](const CFGBlock* b) {
      seen[b->getBlockID()] = 1;
      stack.emplace_back(b, b->succ_begin());
    };
    push(&cfg.getEntry());
    while (!stack.empty()) {
      auto& [b, it] = stack.back();
      if (it == b->succ_end()) {
        post.push_back(b);
        stack.pop_back();
        continue;
      }
      const CFGBlock* next = it->getReachableBlock();
      ++it;
      if (next && !seen[next->getBlockID()]) push(next);
    }
    std::vector<const CFGBlock*> order(post.rbegin(), post.rend());
    for (const CFGBlock* b : cfg)
      if (!seen[b->getBlockID()]) order.push_back(b);  // unreachable code keeps its facts too
    return order;
  }

  static std::vector<char> blocks_on_cycles(const CFG& cfg) {
    std::vector<char> on(cfg.getNumBlockIDs(), 0);
    for (const CFGBlock* start : cfg) {
      std::vector<char> seen(cfg.getNumBlockIDs(), 0);
      std::vector<const CFGBlock*> work;
      for (const auto& s : start->succs())
        if (const CFGBlock* b = s.getReachableBlock()) work.push_back(b);
      while (!work.empty() && !on[start->getBlockID()]) {
        const CFGBlock* b = work.back();
        work.pop_back();
        if (b == start) on[start->getBlockID()] = 1;
        if (seen[b->getBlockID()]) continue;
        seen[b->getBlockID()] = 1;
        for (const auto& s : b->succs())
          if (const CFGBlock* n = s.getReachableBlock()) work.push_back(n);
      }
    }
    return on;
  }

  // ---- blocks ------------------------------------------------------------------------------

  void extract_block(const CFGBlock& b, facts::Block& out) {
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

  // If `e` (a branch condition) tests whether a try-lock succeeded, returns the try-lock call
  // and which branch means success.
  const CallExpr* try_condition(const Expr* e, bool& success_on_true) {
    e = e->IgnoreParenImpCasts();
    if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_LNot) {
      const CallExpr* c = try_condition(u->getSubExpr(), success_on_true);
      success_on_true = !success_on_true;
      return c;
    }
    if (const auto* bo = dyn_cast<BinaryOperator>(e); bo && (bo->getOpcode() == BO_EQ || bo->getOpcode() == BO_NE)) {
      Expr::EvalResult r;
      const Expr* other = compared_with_constant(bo, r);
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

  bool is_try_call(const CallExpr* c) {
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

  static bool zero_on_success(const CallExpr* c) {
    const FunctionDecl* f = c->getDirectCallee();
    return f && !isa<CXXMethodDecl>(f) && lock_function(f->getQualifiedNameAsString()).zero_on_success;
  }

  // ---- events ------------------------------------------------------------------------------

  Event make(Event::Kind k, SourceLocation l) {
    Event e;
    e.kind = k;
    e.loc = loc(l);
    e.in_loop = in_loop_;
    return e;
  }

  void emit(Event e) { sink_->push_back(std::move(e)); }

  void acquire(std::vector<Path> locks, SourceLocation l, LockMode mode, bool is_try, bool recursive) {
    Event e = make(Event::Kind::Acquire, l);
    e.locks = std::move(locks);
    e.mode = mode;
    e.is_try = is_try;
    e.recursive = recursive;
    emit(std::move(e));
  }

  void release(std::vector<Path> locks, SourceLocation l, LockMode mode) {
    Event e = make(Event::Kind::Release, l);
    e.locks = std::move(locks);
    e.mode = mode;
    emit(std::move(e));
  }

  // A try-lock that decides a branch: the acquire goes on the success edge only.
  void emit_try(const CallExpr* c) {
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

  void on_stmt(const Stmt* s) {
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

  // Memory that threads can share: globals, statics, and whatever a pointer, a reference or a
  // by-reference capture designates. A frame's own locals (unless their address leaves it) and
  // its by-value parameters and captures are private; const, thread_local and _Atomic data
  // cannot race. Which objects threads really share is the link's question (races.h).
  void access(const Expr* target, bool write, SourceLocation l) {
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
  Path shared_slot(const Expr* e) {
    const auto* a = dyn_cast<ArraySubscriptExpr>(e);
    if (!a || !reads_shared(a->getIdx())) return unknown("an element with a computed index");
    Path all = path_of(a->getBase());
    return all.known() ? element_of(std::move(all)) : all;
  }

  bool reads_shared(const Stmt* s) {
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
  bool may_be_shared(const Expr* e) {
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

  bool var_may_be_shared(const VarDecl* v) {
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

  // Locals whose address leaves the frame: `&x`, std::ref(x), captured by reference.
  void collect_escaping(const Stmt* s) {
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

  void note_escape(const Expr* e) {
    while (true) {
      e = e->IgnoreParenImpCasts();
      if (const auto* m = dyn_cast<MemberExpr>(e); m && !m->isArrow()) e = m->getBase();
      else if (const auto* a = dyn_cast<ArraySubscriptExpr>(e); a && a->getBase()->IgnoreParenImpCasts()->getType()->isArrayType()) e = a->getBase();
      else break;
    }
    if (const auto* d = dyn_cast<DeclRefExpr>(e))
      if (const auto* v = dyn_cast<VarDecl>(d->getDecl())) escaping_->insert(v);
  }

  std::vector<Path> arg_paths(const CallExpr* c, unsigned first = 0) {
    std::vector<Path> out;
    for (unsigned i = first; i < c->getNumArgs(); ++i)
      out.push_back(isa<CXXDefaultArgExpr>(c->getArg(i))          ? unknown("default argument")
                    : carries_callables(c->getArg(i)->getType()) ? holder_path(c->getArg(i))
                    : is_thread_handle(c->getArg(i)->getType())  ? handle_path(c->getArg(i))
                                                                   : path_of(c->getArg(i)));
    return out;
  }

  // A pthread_t or std::thread passed by pointer or reference (memcached's create_worker(&t[i],
  // ...)): an element with a computed index stands for all of them, as the joining loop does.
  static bool is_thread_handle(QualType t) {
    t = t.getNonReferenceType();
    if (const auto* p = t->getAs<PointerType>()) t = p->getPointeeType();
    if (is_thread_type(record_name(t))) return true;
    const auto* td = t->getAs<TypedefType>();
    return td && (td->getDecl()->getName() == "pthread_t" || td->getDecl()->getName() == "thrd_t");
  }

  bool in_system_header(const Decl* d) const { return sm_.isInSystemHeader(sm_.getExpansionLoc(d->getLocation())); }

  void on_call(const CallExpr* c) {
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
    if (OpInfo op = lock_function(name); op.op != LockOp::None && c->getNumArgs() >= 1) {
      if (op.op == LockOp::Unlock) return release({path_of(c->getArg(0))}, c->getBeginLoc(), op.mode);
      return acquire({path_of(c->getArg(0))}, c->getBeginLoc(), op.mode, op.op == LockOp::TryLock, false);
    }
    switch (special_function(name)) {
      case Special::PthreadCreate:
        if (c->getNumArgs() == 4) spawn(c->getArg(2), {c->getArg(3)}, c->getBeginLoc(), handle_path(c->getArg(0)));
        return;
      case Special::ThrdCreate:
        if (c->getNumArgs() == 3) spawn(c->getArg(1), {c->getArg(2)}, c->getBeginLoc(), handle_path(c->getArg(0)));
        return;
      case Special::Async: {
        // Only launch::async is sure to start a thread; the default policy may defer the call
        // into the caller's thread, where it would be an ordinary call made at get().
        if (c->getNumArgs() >= 2 && record_name(c->getArg(0)->getType()).empty() &&
            text(c->getArg(0)).find("async") != std::string::npos &&
            text(c->getArg(0)).find("deferred") == std::string::npos) {
          std::vector<const Expr*> rest;
          for (unsigned i = 2; i < c->getNumArgs(); ++i) rest.push_back(c->getArg(i));
          auto var = call_target_.find(c);  // the future: get(), wait() and its destructor join
          Path future = var == call_target_.end() ? unknown("a future") : path_of_var(var->second, 0);
          if (const Expr* all = shapes().stored_in.count(c) ? shapes().stored_in.at(c) : nullptr)
            if (Path p = path_of(all); p.known()) future = element_of(p);
          spawn(c->getArg(1), rest, c->getBeginLoc(), future);
        } else {
          out_.diagnostics.push_back({report::Diagnostic::Severity::Note, loc(c->getBeginLoc()),
                                      "lockscope: std::async without std::launch::async is not treated as a thread start"});
        }
        return;
      }
      case Special::PthreadJoin: {
        Event e = make(Event::Kind::Join, c->getBeginLoc());
        e.callee_name = name;
        e.args = arg_paths(c);
        if (c->getNumArgs() >= 1) e.args[0] = handle_path(c->getArg(0));
        return emit(std::move(e));
      }
      case Special::StdLock:
      case Special::StdTryLock: {
        std::vector<Path> locks;
        for (unsigned i = 0; i < c->getNumArgs(); ++i)
          if (const Guard* g = guard_of(c->getArg(i))) {  // std::lock(lk1, lk2) locks the guards' mutexes
            for (const GuardLock& l : g->locks) locks.push_back(l.path);
          } else {
            locks.push_back(path_of(c->getArg(i)));
          }
        bool rec = c->getNumArgs() > 0 && is_recursive_mutex_type(record_name(c->getArg(0)->getType()));
        return acquire(std::move(locks), c->getBeginLoc(), LockMode::Exclusive,
                       special_function(name) == Special::StdTryLock, rec);
      }
      case Special::PthreadMutexInit:
        if (c->getNumArgs() == 2) {
          Path attr = path_of(c->getArg(1));
          for (const Path& r : recursive_attrs_)
            if (attr.known() && r == attr) mark_recursive(c->getArg(0), c->getBeginLoc());
        }
        return;
      case Special::MtxInit:
        if (c->getNumArgs() == 2 && text(c->getArg(1)).find("recursive") != std::string::npos)
          mark_recursive(c->getArg(0), c->getBeginLoc());
        return;
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
    if (in_system_header(callee)) return;
    Event e = make(Event::Kind::Call, c->getBeginLoc());
    e.callees = {usr_of(callee)};
    e.callee_name = display_name(callee);
    e.args = arg_paths(c);
    emit(std::move(e));
  }

  // std::for_each(b, e, [&](int x) { total += x; }): the callable runs here, in this thread. A
  // parallel execution policy would run it in several threads: that is said, not guessed.
  void call_in_place(const CallExpr* c) {
    if (c->getNumArgs() >= 1 && record_name(c->getArg(0)->getType()).find("execution") != std::string::npos) {
      out_.diagnostics.push_back({report::Diagnostic::Severity::Note, loc(c->getBeginLoc()),
                                  "lockscope: a parallel algorithm runs its callable in threads the analysis does not "
                                  "model; its calls are not analyzed"});
      return;
    }
    for (const Expr* arg : c->arguments()) {
      const Expr* a = strip(arg);
      if (!isa<LambdaExpr>(a) && !isa<DeclRefExpr>(a) && !isa<UnaryOperator>(a) && !isa<CXXConstructExpr>(a)) continue;
      if (carries_callables(a->getType())) {  // std::invoke(task): a call through the holder
        Event e = make(Event::Kind::Call, c->getBeginLoc());
        e.callee_name = text(arg);
        e.target = holder_path(a);
        emit(std::move(e));
        continue;
      }
      Event e = make(Event::Kind::Call, c->getBeginLoc());
      if (describe_callable(a, e) && !e.callees.empty()) emit(std::move(e));
    }
  }

  // A binary semaphore acquired and released by one function is a mutex there (gate.acquire();
  // ...; gate.release()). Released here but acquired elsewhere, it is a signal between threads,
  // which orders things a lockset cannot say: nothing is recorded for it.
  static bool is_binary_semaphore(QualType t) {
    const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t.getNonReferenceType()->getAsCXXRecordDecl());
    if (!spec || normalize_name(spec->getQualifiedNameAsString()) != "std::counting_semaphore") return false;
    const TemplateArgumentList& args = spec->getTemplateArgs();
    return args.size() >= 1 && args[0].getKind() == TemplateArgument::Integral && args[0].getAsIntegral() == 1;
  }

  void on_binary_semaphore(const CXXMemberCallExpr* mc, const std::string& method) {
    Path p = path_of(mc->getImplicitObjectArgument());
    auto has = [&](const std::vector<Path>& v) { return std::find(v.begin(), v.end(), p) != v.end(); };
    if (!p.known() || !has(semaphore_acquires_) || !has(semaphore_releases_)) return;
    if (method == "release") return release({p}, mc->getBeginLoc(), LockMode::Exclusive);
    if (method == "acquire") return acquire({p}, mc->getBeginLoc(), LockMode::Exclusive, false, false);
    // try_acquire*: not modelled (its success edge is not tracked like a try_lock's); it guards nothing.
  }

  void mark_recursive(const Expr* lock, SourceLocation l) {
    Event e = make(Event::Kind::Recursive, l);
    e.locks = {path_of(lock)};
    emit(std::move(e));
  }

  void on_member_call(const CXXMemberCallExpr* mc) {
    const CXXMethodDecl* m = mc->getMethodDecl();
    if (!m) return;
    std::string rec = record_name(mc->getObjectType());
    std::string method = isa<CXXConversionDecl>(m) ? "operator bool" : m->getNameAsString();
    const Expr* obj = mc->getImplicitObjectArgument();
    if (is_binary_semaphore(mc->getObjectType())) return on_binary_semaphore(mc, method);
    if (is_mutex_type(rec)) {
      OpInfo op = mutex_method(method);
      if (op.op == LockOp::Unlock) return release({path_of(obj)}, mc->getBeginLoc(), op.mode);
      if (op.op == LockOp::Lock || op.op == LockOp::TryLock)
        return acquire({path_of(obj)}, mc->getBeginLoc(), op.mode, op.op == LockOp::TryLock, is_recursive_mutex_type(rec));
      return;
    }
    if (GuardKind gk = guard_kind(rec); gk != GuardKind::None) {
      Guard* g = guard_of(obj);
      if (!g) return;
      switch (guard_method(gk, method).op) {
        case LockOp::Lock: return guard_acquire(*g, mc->getBeginLoc(), false);
        case LockOp::TryLock: return guard_acquire(*g, mc->getBeginLoc(), true);
        case LockOp::Unlock: return guard_release(*g, mc->getBeginLoc());
        case LockOp::Disown: g->disowned = true; return;
        default: return;
      }
    }
    if (is_thread_type(rec) || is_future_type(rec)) {
      if (method == "join" || method == "get" || method == "wait") {
        Event e = make(Event::Kind::Join, mc->getBeginLoc());
        e.receiver = handle_path(obj);
        emit(std::move(e));
      }
      return;
    }
    // threads.emplace_back(fn, args...) constructs a std::thread in place.
    if ((method == "emplace_back" || method == "emplace") && mc->getNumArgs() >= 1) {
      QualType elem = mc->getObjectType();
      if (const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(elem->getAsCXXRecordDecl());
          spec && spec->getTemplateArgs().size() >= 1 && spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
          is_thread_type(record_name(spec->getTemplateArgs()[0].getAsType()))) {
        std::vector<const Expr*> rest;
        for (unsigned i = 1; i < mc->getNumArgs(); ++i) rest.push_back(mc->getArg(i));
        Path all = path_of(obj);
        return spawn(mc->getArg(0), rest, mc->getBeginLoc(), all.known() ? element_of(all) : unknown("a container element"));
      }
    }
    // A condition variable evaluates its predicate holding the lock: a call to it, here.
    if (rec.starts_with("std::") && (rec.ends_with("::condition_variable") || rec.ends_with("::condition_variable_any")) &&
        method.starts_with("wait") && mc->getNumArgs() >= 2)
      if (const auto* le = dyn_cast<LambdaExpr>(strip(mc->getArg(mc->getNumArgs() - 1)))) {
        Event e = make(Event::Kind::Call, mc->getBeginLoc());
        e.callees = {usr_of(le->getCallOperator())};
        e.callee_name = display_name(le->getCallOperator());
        closure_args(le->getLambdaClass(), e);
        return emit(std::move(e));
      }
    if (is_container_type(rec) && container_method_adds(method) && mc->getNumArgs() >= 1 &&
        carries_callables(mc->getObjectType()))
      store_callable(path_of(obj), mc->getArg(mc->getNumArgs() - 1), mc->getExprLoc());
    if (in_system_header(m) && is_container_type(rec))
      return access(obj, !container_method_reads(rec, method, m->isConst()), mc->getExprLoc());
    if (in_system_header(m)) return;
    Event e = make(Event::Kind::Call, mc->getBeginLoc());
    e.callees = {usr_of(m)};
    e.callee_name = display_name(m);
    e.receiver = path_of(obj);
    e.args = arg_paths(mc);
    const auto* me = dyn_cast<MemberExpr>(mc->getCallee()->IgnoreParens());
    e.is_virtual = m->isVirtual() && !(me && me->hasQualifier());
    emit(std::move(e));
  }

  void on_operator_call(const CXXOperatorCallExpr* oc, const CXXMethodDecl* m) {
    if (oc->getNumArgs() == 0) return;
    std::string rec = record_name(oc->getArg(0)->getType());
    if (guard_kind(rec) == GuardKind::UniqueLock || guard_kind(rec) == GuardKind::SharedLock) {
      // lk2 = std::move(lk): lk2 releases what it owned and takes over lk's mutex.
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
      return;
    }
    if (in_system_header(m) && is_container_type(rec))
      return access(oc->getArg(0), !container_method_reads(rec, m->getNameAsString(), m->isConst()), oc->getOperatorLoc());
    if (is_callable_holder(rec) && oc->getOperator() == OO_Call) {
      Event e = make(Event::Kind::Call, oc->getBeginLoc());  // type-erased: the link follows the holder
      e.callee_name = text(oc->getArg(0));
      e.target = holder_path(oc->getArg(0));
      e.args = arg_paths(oc, 1);
      return emit(std::move(e));
    }
    if (oc->getOperator() == OO_Equal && oc->getNumArgs() == 2 && carries_callables(oc->getArg(0)->getType()))
      store_callable(holder_path(oc->getArg(0)), oc->getArg(1), oc->getOperatorLoc());
    if (in_system_header(m)) return;
    Event e = make(Event::Kind::Call, oc->getBeginLoc());
    e.callees = {usr_of(m)};
    e.callee_name = display_name(m);
    e.receiver = path_of(oc->getArg(0));
    e.args = arg_paths(oc, 1);
    if (m->getParent()->isLambda()) append_capture_args(m->getParent(), e.args);
    e.is_virtual = m->isVirtual();
    emit(std::move(e));
  }

  void append_capture_args(const CXXRecordDecl* closure, std::vector<Path>& args) {
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

  // ---- type-erased callables (std::function, std::packaged_task) ----------------------------
  // A call through a holder has no static target. The link follows it to every callable stored
  // into that holder, or into a holder whose contents flow into it (a task queue popped into a
  // local), so a thread pool's workers run the tasks submitted to it. Store events say what went
  // where; the erased call names the holder it calls through.

  static bool is_function_pointer(QualType t) {
    t = t.getNonReferenceType();
    return t->isFunctionPointerType();
  }

  // A holder, a function pointer, a smart pointer to a holder (make_shared<packaged_task<...>>),
  // or a container of holders.
  static bool carries_callables(QualType t, int depth = 0) {
    if (depth == 0 && is_function_pointer(t)) return true;
    const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t.getNonReferenceType()->getAsCXXRecordDecl());
    if (!spec || depth > 4) return false;
    std::string r = normalize_name(spec->getQualifiedNameAsString());
    if (is_callable_holder(r)) return true;
    const TemplateArgumentList& args = spec->getTemplateArgs();
    auto arg_carries = [&](unsigned i) {
      return args.size() > i && args[i].getKind() == TemplateArgument::Type && carries_callables(args[i].getAsType(), depth + 1);
    };
    if (is_smart_pointer(r) || is_container_type(r)) return arg_carries(0) || (is_map_type(r) && arg_carries(1));
    if (r == "std::pair") return arg_carries(0) || arg_carries(1);  // a routing table's (pattern, handler)
    return false;
  }

  static bool is_map_type(std::string_view r) {
    return r == "std::map" || r == "std::multimap" || r == "std::unordered_map" || r == "std::unordered_multimap";
  }

  // The holder an expression designates: a container stands for its elements (q.front(), v[i]),
  // a smart pointer for its pointee, a temporary for itself.
  Path holder_path(const Expr* e, int depth = 0) {
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
      if ((oc->getOperator() == OO_Star || oc->getOperator() == OO_Arrow) && is_smart_pointer(r)) return holder_path(oc->getArg(0), depth + 1);
      if ((oc->getOperator() == OO_Star || oc->getOperator() == OO_Arrow) && r.find("iterator") != std::string::npos)
        return holder_path(oc->getArg(0), depth + 1);  // *it, it->second
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

  // A function used as a value (`hash = jenkins_hash`, `create_worker(worker_main, arg)`): a
  // holder that holds just that function (the link knows the "fn:" prefix).
  Path function_value(const FunctionDecl* f) {
    Path p;
    p.root = Path::Root::Global;
    p.id = "fn:" + usr_of(f);
    p.name = readable(f->getQualifiedNameAsString());
    return p;
  }

  // What a holder construction initialises: a variable, a member, or a temporary (a task passed
  // straight to a submit(std::function<void()>) parameter), named by where it is made.
  Path holder_target(const CXXConstructExpr* c) {
    if (construct_target_.count(c) || construct_member_.count(c)) return receiver_of_construct(c);
    facts::Location l = loc(c->getBeginLoc());
    Path p;
    p.root = Path::Root::Local;
    p.id = "holder@" + l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
    p.name = "a temporary " + record_name(c->getType());
    return p;
  }

  // `target` may now hold what `source` is: a callable (a lambda, a function, a functor), or the
  // contents of another holder.
  void store_callable(Path target, const Expr* source, SourceLocation at) {
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
    out_.diagnostics.push_back({report::Diagnostic::Severity::Note, loc(at),
                                "lockscope: the callable '" + text(source) + "' stored into '" + display(e.target) +
                                    "' is not understood; calls through it do not follow it"});
  }

  static std::string display(const Path& p) {
    std::string out = p.name;
    for (const auto& f : p.fields) out += (f.name.starts_with("[") ? "" : (out.empty() ? "" : "->")) + f.name;
    return out;
  }

  // std::bind(&Class::method, object, args...) / std::bind(function, args...): the entry with
  // the bound object and arguments (copies are the bound object's own, as for a thread's
  // arguments; placeholders are supplied by the call).
  bool describe_bind(const CallExpr* bind, Event& e) {
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
      e.args.push_back(is_placeholder(bind->getArg(i)->getType()) ? unknown(facts::kCallArgument)
                                                                                              : thread_arg(bind->getArg(i)));
    return true;
  }

  static bool is_placeholder(QualType t) {  // std::placeholders::_1 (libstdc++ and libc++ spellings)
    std::string r = record_name(t);
    return r == "std::_Placeholder" || r == "std::placeholders::__ph";
  }

  // The elements of a std::pair / std::tuple being made (make_pair, make_tuple, a constructor).
  static std::vector<const Expr*> pair_parts(const Expr* e) {
    std::vector<const Expr*> parts;
    if (const auto* c = dyn_cast<CallExpr>(e); c && c->getDirectCallee()) {
      std::string n = normalize_name(c->getDirectCallee()->getQualifiedNameAsString());
      if (n == "std::make_pair" || n == "std::make_tuple")
        for (const Expr* a : c->arguments()) parts.push_back(a);
    } else if (const auto* k = dyn_cast<CXXConstructExpr>(e); k && k->getNumArgs() >= 2) {
      std::string r = record_name(k->getType());
      if (r == "std::pair" || r == "std::tuple")
        for (const Expr* a : k->arguments()) parts.push_back(a);
    }
    return parts;
  }

  // A callable's entry, its object, and its captures after its declared parameters' arguments:
  // those already in e.args (a thread's), or, with open_params, one unknown per declared
  // parameter (a callable stored for later: the call through the holder supplies them).
  bool describe_callable(const Expr* c, Event& e, bool open_params = true) {
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

  // ---- guards (lock_guard, unique_lock, scoped_lock, shared_lock) ---------------------------

  struct GuardLock {
    Path path;
    const CXXRecordDecl* user_type = nullptr;  // a program-defined BasicLockable: call its lock()
    bool recursive = false;
  };
  struct Guard {
    GuardKind kind = GuardKind::None;
    std::vector<GuardLock> locks;
    bool disowned = false;  // released() or moved from: its destructor unlocks nothing
  };

  Guard* guard_of(const Expr* e) {
    e = strip(e);
    while (const Expr* inner = transparent_argument(e)) e = strip(inner);  // std::move(lk) designates lk
    const auto* d = dyn_cast<DeclRefExpr>(e);
    if (!d) return nullptr;
    auto it = guards_.find(d->getDecl());
    return it == guards_.end() ? nullptr : &it->second;
  }

  LockMode guard_mode(const Guard& g) const { return g.kind == GuardKind::SharedLock ? LockMode::Shared : LockMode::Exclusive; }

  void call_user_lock_method(const GuardLock& l, const char* name, SourceLocation at) {
    for (const NamedDecl* nd : l.user_type->lookup(&ctx_.Idents.get(name))) {
      const auto* m = dyn_cast<CXXMethodDecl>(nd);
      if (!m || m->getNumParams() != 0) continue;
      Event e = make(Event::Kind::Call, at);
      e.callees = {usr_of(m)};
      e.callee_name = display_name(m);
      e.receiver = l.path;
      emit(std::move(e));
      return;
    }
  }

  void guard_acquire(const Guard& g, SourceLocation at, bool is_try) {
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
    if (!std_locks.empty()) acquire(std::move(std_locks), at, guard_mode(g), is_try, recursive);
  }

  void guard_release(const Guard& g, SourceLocation at) {
    if (g.disowned) return;
    std::vector<Path> std_locks;
    for (const GuardLock& l : g.locks) {
      if (l.user_type) call_user_lock_method(l, g.kind == GuardKind::SharedLock ? "unlock_shared" : "unlock", at);
      else std_locks.push_back(l.path);
    }
    if (!std_locks.empty()) release(std::move(std_locks), at, guard_mode(g));
  }

  void on_guard_construct(const CXXConstructExpr* c, GuardKind kind) {
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

  void on_construct(const CXXConstructExpr* c) {
    const CXXConstructorDecl* ctor = c->getConstructor();
    std::string rec = normalize_name(ctor->getParent()->getQualifiedNameAsString());
    if (GuardKind kind = guard_kind(rec); kind != GuardKind::None) return on_guard_construct(c, kind);
    if (is_thread_type(rec)) {
      if (c->getNumArgs() >= 1 && !is_thread_type(record_name(c->getArg(0)->getType()))) {
        std::vector<const Expr*> rest;
        for (unsigned i = 1; i < c->getNumArgs(); ++i) rest.push_back(c->getArg(i));
        auto var = construct_target_.find(c);
        spawn(c->getArg(0), rest, c->getBeginLoc(),
              var != construct_target_.end()       ? path_of_var(var->second, 0)
              : assigned_thread_.count(c) != 0 ? handle_path(assigned_thread_.at(c))
                                               : stored_handle(c, "a temporary thread"));
      }
      return;
    }
    if (is_callable_holder(rec)) {
      if (c->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(c->getArg(0))) store_callable(holder_target(c), c->getArg(0), c->getBeginLoc());
      return;
    }
    if (in_system_header(ctor) || ctor->isTrivial() || (ctor->isImplicit() && ctor->isCopyOrMoveConstructor())) return;
    Event e = make(Event::Kind::Call, c->getBeginLoc());
    e.callees = {usr_of(ctor)};
    e.callee_name = display_name(ctor);
    e.receiver = receiver_of_construct(c);
    std::vector<Path> args;
    for (unsigned i = 0; i < c->getNumArgs(); ++i)
      args.push_back(isa<CXXDefaultArgExpr>(c->getArg(i)) ? unknown("default argument") : path_of(c->getArg(i)));
    e.args = std::move(args);
    emit(std::move(e));
  }

  Path receiver_of_construct(const CXXConstructExpr* c) {
    if (auto it = construct_target_.find(c); it != construct_target_.end()) return path_of_var(it->second, 0);
    if (auto it = construct_member_.find(c); it != construct_member_.end()) return this_field(it->second);
    return unknown("a temporary");
  }

  void on_dtor(const VarDecl* v, const Stmt* trigger) {
    if (!v) return;
    SourceLocation at = trigger ? trigger->getEndLoc() : v->getLocation();
    if (auto it = guards_.find(v); it != guards_.end()) return guard_release(it->second, at);
    // A jthread joins in its destructor; so does the future std::async returns.
    if (std::string rec = record_name(v->getType()); rec == "std::jthread" || is_future_type(rec)) {
      Event e = make(Event::Kind::Join, at);
      e.receiver = path_of_var(v, 0);
      return emit(std::move(e));
    }
    if (const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(v->getType()->getAsCXXRecordDecl());
        spec && is_container_type(normalize_name(spec->getQualifiedNameAsString())) && spec->getTemplateArgs().size() >= 1 &&
        spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      std::string elem = record_name(spec->getTemplateArgs()[0].getAsType());
      if (elem == "std::jthread" || is_future_type(elem)) {  // every element joins as it is destroyed
        Event e = make(Event::Kind::Join, at);
        e.receiver = element_of(path_of_var(v, 0));
        return emit(std::move(e));
      }
    }
    const CXXRecordDecl* rd = v->getType()->getAsCXXRecordDecl();
    if (!rd || !rd->getDestructor()) return;
    const CXXDestructorDecl* dtor = rd->getDestructor();
    if (in_system_header(dtor) || dtor->isTrivial() || dtor->isImplicit()) return;
    Event e = make(Event::Kind::Call, at);
    e.callees = {usr_of(dtor)};
    e.callee_name = display_name(dtor);
    e.receiver = path_of_var(v, 0);
    emit(std::move(e));
  }

  // A reference or pointer member initialised from a path: the object's field designates it.
  void on_initializer(const CXXCtorInitializer* init) {
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

  // ---- thread starts -----------------------------------------------------------------------

  const CXXMethodDecl* call_operator(const CXXRecordDecl* rd) const {
    if (!rd) return nullptr;
    if (rd->isLambda()) return rd->getLambdaCallOperator();
    for (const NamedDecl* nd : rd->lookup(ctx_.DeclarationNames.getCXXOperatorName(OO_Call)))
      if (const auto* m = dyn_cast<CXXMethodDecl>(nd)) return m;
    return nullptr;
  }

  void spawn(const Expr* callable, const std::vector<const Expr*>& rest, SourceLocation at, Path handle) {
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
    if (entry && entry->getNumParams() == rest.size() + 1 &&
        record_name(entry->getParamDecl(0)->getType()) == "std::stop_token")
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

  // A thread handle: a variable, or any element of a container or array of them ("[*]"), so a
  // loop that joins every element joins what the loop that filled it started.
  static Path element_of(Path all) {
    all.fields.push_back({"[*]", "[*]"});
    return all;
  }

  Path handle_path(const Expr* e) {
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
  Path stored_handle(const Expr* made, const char* otherwise) {
    auto it = shapes().stored_in.find(made);
    if (it != shapes().stored_in.end())
      if (Path all = path_of(it->second); all.known()) return element_of(std::move(all));
    return unknown(otherwise);
  }

  // Loop variables of range-for statements (what they range over), and std::async calls whose
  // future goes straight into a container (parts.push_back(std::async(...))).
  struct Shapes {
    std::unordered_map<const VarDecl*, const Expr*> range_of;
    std::unordered_map<const Expr*, const Expr*> stored_in;  // a std::thread or std::async result
  };
  const Shapes& shapes() {
    if (!shapes_) {
      shapes_.emplace();
      collect_shapes(fd_->getBody());
    }
    return *shapes_;
  }
  void collect_shapes(const Stmt* s) {
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

  // A thread gets its own copy of every argument but pointers and std::ref / std::cref.
  Path thread_arg(const Expr* a) {
    QualType t = a->getType().getNonReferenceType();
    if (t->isPointerType() || t->isArrayType() || record_name(t) == "std::reference_wrapper") return path_of(a);
    return unknown("a copy of '" + text(a) + "'");
  }

  // A lambda's `this` capture makes the spawner's `this` its receiver; captured variables are
  // passed as the extra parameters add_capture_params declared.
  void closure_args(const CXXRecordDecl* closure, Event& e) {
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
  void append_nested_references(const CXXRecordDecl* closure, std::vector<Path>& args, int depth) {
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

  ASTContext& ctx_;
  const SourceManager& sm_;
  const FunctionDecl* fd_;
  facts::TranslationUnitFacts& out_;
  std::unordered_map<const VarDecl*, int> capture_index_;
  std::unordered_map<const CXXConstructExpr*, const VarDecl*> construct_target_;
  std::unordered_map<const CXXConstructExpr*, const FieldDecl*> construct_member_;
  std::unordered_map<const CallExpr*, const VarDecl*> call_target_;
  std::unordered_map<const CXXConstructExpr*, const Expr*> assigned_thread_;
  std::optional<std::unordered_set<const VarDecl*>> escaping_;  // computed on first need
  std::optional<Shapes> shapes_;                                 // computed on first need
  std::unordered_map<const Decl*, Guard> guards_;
  std::unordered_set<const CallExpr*> skip_;
  std::vector<Path> recursive_attrs_;
  std::vector<Path> semaphore_acquires_, semaphore_releases_;  // binary semaphores, by what this function does
  std::vector<char> loops_;
  bool in_loop_ = false;
  std::vector<Event>* sink_ = nullptr;
};

class Visitor : public RecursiveASTVisitor<Visitor> {
 public:
  Visitor(ASTContext& ctx, facts::TranslationUnitFacts& out) : ctx_(ctx), out_(out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl* fd) {
    add(fd);
    return true;
  }
  // Globals whose definition stores a callable: a std::function or a function pointer set to a
  // lambda or a function, and C "vtables" (struct ops ops = { .run = run_fn, ... }). Their
  // initialisation runs before main() and is given to the link as a function of store events.
  bool VisitVarDecl(VarDecl* v) {
    const SourceManager& sm = ctx_.getSourceManager();
    if (!v->hasGlobalStorage() || v->isStaticLocal() || !v->getInit() || v->getDeclContext()->isDependentContext() ||
        sm.isInSystemHeader(sm.getExpansionLoc(v->getLocation())) || usr_of(v).empty())
      return true;
    PresumedLoc at = sm.getPresumedLoc(sm.getExpansionLoc(v->getLocation()));
    facts::Location where = at.isInvalid() ? facts::Location{} : facts::Location{at.getFilename(), at.getLine(), at.getColumn()};
    Path self;
    self.root = Path::Root::Global;
    self.id = usr_of(v);
    self.name = readable(v->getQualifiedNameAsString());
    std::vector<Event> stores;
    collect_initial_stores(self, v->getType(), v->getInit(), where, stores, 0);
    if (stores.empty()) return true;
    facts::Function f;
    f.usr = usr_of(v) + "@init";
    f.name = "the initialisation of '" + self.name + "'";
    f.loc = where;
    f.is_initializer = true;
    f.blocks.resize(1);
    f.blocks[0].events = std::move(stores);
    out_.functions.push_back(std::move(f));
    return true;
  }

  void collect_initial_stores(const Path& target, QualType type, const Expr* init, const facts::Location& where,
                              std::vector<Event>& out, int depth) {
    if (!init || depth > 4) return;
    if (const auto* list = dyn_cast<InitListExpr>(init->IgnoreParenImpCasts())) {
      const RecordDecl* rd = type->getAsRecordDecl();
      if (!rd || list->getNumInits() == 0) return;
      unsigned i = 0;
      for (const FieldDecl* fld : rd->fields()) {
        if (i >= list->getNumInits()) break;
        Path field = target;
        field.fields.push_back({fld->getParent()->getQualifiedNameAsString() + "::" + fld->getNameAsString(),
                                fld->getNameAsString()});
        collect_initial_stores(field, fld->getType(), list->getInit(i++), where, out, depth + 1);
      }
      return;
    }
    std::string rec = record_name(type);
    if (!type->isFunctionPointerType() && !is_callable_holder(rec)) return;
    const Expr* e = strip(init)->IgnoreParenCasts();
    if (const auto* c = dyn_cast<CXXConstructExpr>(e); c && c->getNumArgs() == 1) e = strip(c->getArg(0))->IgnoreParenCasts();
    const FunctionDecl* entry = literal_callable(e);
    if (!entry || entry->isTemplated()) return;
    Event s;
    s.kind = Event::Kind::Store;
    s.loc = where;
    s.target = target;
    s.callees = {usr_of(entry)};
    s.callee_name = readable(entry->getQualifiedNameAsString());
    add_open_params(entry, s.args);
    out.push_back(std::move(s));
  }

  bool VisitLambdaExpr(LambdaExpr* le) {
    CXXMethodDecl* op = le->getCallOperator();
    if (const FunctionTemplateDecl* t = op->getDescribedFunctionTemplate()) {
      for (const FunctionDecl* spec : t->specializations()) add(spec);
    } else {
      add(op);
    }
    return true;
  }

 private:
  void add(const FunctionDecl* fd) {
    if (!fd->doesThisDeclarationHaveABody() || fd->isDependentContext() || fd->isInvalidDecl()) return;
    if (!fd->getBody()) return;
    const SourceManager& sm = ctx_.getSourceManager();
    if (sm.isInSystemHeader(sm.getExpansionLoc(fd->getLocation()))) return;
    if (!seen_.insert(fd->getCanonicalDecl()).second) return;
    FunctionExtractor(ctx_, fd, out_).run();
  }

  ASTContext& ctx_;
  facts::TranslationUnitFacts& out_;
  std::unordered_set<const Decl*> seen_;
};

class Consumer : public ASTConsumer {
 public:
  explicit Consumer(facts::TranslationUnitFacts& out) : out_(out) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    // A unit with errors is reported by its first error and its facts are dropped; walking its
    // broken AST is worse than useless (CFG::buildCFG crashes on some recovery trees, e.g. a
    // destructor after a fatal missing-include error).
    if (!ctx.getDiagnostics().hasErrorOccurred()) Visitor(ctx, out_).TraverseDecl(ctx.getTranslationUnitDecl());
    const SourceManager& sm = ctx.getSourceManager();
    std::set<std::string> files;
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) files.insert(std::string(it->first.getName()));
    out_.files_read.assign(files.begin(), files.end());
  }

 private:
  facts::TranslationUnitFacts& out_;
};

class Action : public ASTFrontendAction {
 public:
  explicit Action(facts::TranslationUnitFacts& out) : out_(out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance&, StringRef file) override {
    out_.main_file = file.str();
    return std::make_unique<Consumer>(out_);
  }

 private:
  facts::TranslationUnitFacts& out_;
};

}  // namespace

std::unique_ptr<clang::FrontendAction> make_extract_action(facts::TranslationUnitFacts& out) {
  return std::make_unique<Action>(out);
}

bool extract_code(const std::string& code, const std::string& file_name, const std::vector<std::string>& args,
                  facts::TranslationUnitFacts& out, const std::map<std::string, std::string>& headers) {
  tooling::FileContentMappings mapped(headers.begin(), headers.end());
  return tooling::runToolOnCodeWithArgs(make_extract_action(out), code, args, file_name, "lockscope",
                                        std::make_shared<PCHContainerOperations>(), mapped);
}

}  // namespace lockscope::extract
