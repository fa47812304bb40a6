#include "extract/callable_types.h"

#include "extract/ast_helpers.h"
#include "extract/vocabulary.h"

namespace lockscope::extract {

using namespace clang;
using facts::Path;

bool is_function_pointer(QualType t) {
  t = t.getNonReferenceType();
  return t->isFunctionPointerType();
}

static bool is_map_type(std::string_view r) {
  return r == "std::map" || r == "std::multimap" || r == "std::unordered_map" || r == "std::unordered_multimap";
}

bool carries_callables(QualType t, int depth) {
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

const FunctionDecl* literal_callable(const Expr* e) {
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_AddrOf) e = strip(u->getSubExpr());
  if (const auto* le = dyn_cast<LambdaExpr>(e)) return le->getCallOperator();
  if (const auto* d = dyn_cast<DeclRefExpr>(e))
    if (const auto* f = dyn_cast<FunctionDecl>(d->getDecl()); f && !(isa<CXXMethodDecl>(f) && !cast<CXXMethodDecl>(f)->isStatic()))
      return f;
  return nullptr;
}

void add_open_params(const FunctionDecl* f, std::vector<Path>& args) {
  for (unsigned i = 0; i < f->getNumParams(); ++i) args.push_back(Path{Path::Root::Unknown, "", facts::kCallArgument, -1, {}});
}

bool is_placeholder(QualType t) {
  std::string r = record_name(t);
  return r == "std::_Placeholder" || r == "std::placeholders::__ph";
}

std::vector<const Expr*> pair_parts(const Expr* e) {
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

bool is_thread_handle(QualType t) {
  t = t.getNonReferenceType();
  if (const auto* p = t->getAs<PointerType>()) t = p->getPointeeType();
  if (is_thread_type(record_name(t))) return true;
  const auto* td = t->getAs<TypedefType>();
  return td && (td->getDecl()->getName() == "pthread_t" || td->getDecl()->getName() == "thrd_t");
}

}  // namespace lockscope::extract
