#include "extract/ast_helpers.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>

#include "extract/vocabulary.h"

namespace lockscope::extract {

using namespace clang;

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

std::string readable(std::string name) {
  static constexpr std::string_view anon = "(anonymous namespace)::";
  for (size_t at; (at = name.find(anon)) != std::string::npos;) name.erase(at, anon.size());
  return name;
}

facts::Location location_of(const SourceManager& sm, SourceLocation l) {
  if (l.isInvalid()) return {};
  PresumedLoc p = sm.getPresumedLoc(sm.getExpansionLoc(l));
  if (p.isInvalid()) return {};
  return {p.getFilename(), p.getLine(), p.getColumn()};
}

facts::Path::Field field_step(const FieldDecl* fld) {
  return {fld->getParent()->getQualifiedNameAsString() + "::" + fld->getNameAsString(), fld->getNameAsString()};
}

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

const Expr* strip_to_construct(const Expr* e) {
  while (true) {
    const Expr* before = e;
    e = e->IgnoreImplicit();
    if (const auto* c = dyn_cast<ExprWithCleanups>(e)) e = c->getSubExpr();
    if (const auto* c = dyn_cast<CXXFunctionalCastExpr>(e)) e = c->getSubExpr();
    if (e == before) return e;
  }
}

const Expr* transparent_argument(const Expr* e) {
  const auto* c = dyn_cast<CallExpr>(e);
  if (!c || !c->getDirectCallee() || c->getNumArgs() < 1) return nullptr;
  std::string name = normalize_name(c->getDirectCallee()->getQualifiedNameAsString());
  return special_function(name) == Special::Transparent ? c->getArg(0) : nullptr;
}

facts::Path unknown(std::string why) {
  facts::Path p;
  p.name = std::move(why);
  return p;
}

facts::Path element_of(facts::Path all) {
  all.fields.push_back({"[*]", "[*]"});
  return all;
}

std::string display(const facts::Path& p) {
  std::string out = p.name;
  for (const auto& f : p.fields) out += (f.name.starts_with("[") ? "" : (out.empty() ? "" : "->")) + f.name;
  return out;
}

const Expr* compared_with_constant(const BinaryOperator* bo, Expr::EvalResult& k, const ASTContext& ctx) {
  if (bo->getRHS()->EvaluateAsInt(k, ctx)) return bo->getLHS();
  if (bo->getLHS()->EvaluateAsInt(k, ctx)) return bo->getRHS();
  return nullptr;
}

}  // namespace lockscope::extract
