#include "extract/global_initializers.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include "extract/ast_helpers.h"
#include "extract/callable_types.h"
#include "extract/vocabulary.h"

namespace lockscope::extract {
namespace {

using namespace clang;
using facts::Event;
using facts::Path;

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
      field.fields.push_back(field_step(fld));
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

}  // namespace

void extract_global_initializer(ASTContext& ctx, const VarDecl* v, facts::TranslationUnitFacts& out) {
  const SourceManager& sm = ctx.getSourceManager();
  if (!v->hasGlobalStorage() || v->isStaticLocal() || !v->getInit() || v->getDeclContext()->isDependentContext() ||
      sm.isInSystemHeader(sm.getExpansionLoc(v->getLocation())) || usr_of(v).empty())
    return;
  facts::Location where = location_of(sm, v->getLocation());
  Path self;
  self.root = Path::Root::Global;
  self.id = usr_of(v);
  self.name = readable(v->getQualifiedNameAsString());
  std::vector<Event> stores;
  collect_initial_stores(self, v->getType(), v->getInit(), where, stores, 0);
  if (stores.empty()) return;
  facts::Function f;
  f.usr = usr_of(v) + "@init";
  f.name = "the initialisation of '" + self.name + "'";
  f.loc = where;
  f.is_initializer = true;
  f.blocks.resize(1);
  f.blocks[0].events = std::move(stores);
  out.functions.push_back(std::move(f));
}

}  // namespace lockscope::extract
