// A binary semaphore acquired and released by one function is a mutex there (gate.acquire(); ...;
// gate.release()). Released here but acquired elsewhere, it is a signal between threads, which
// orders things a lockset cannot say: nothing is recorded for it.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

bool FunctionExtractor::is_binary_semaphore(QualType t) {
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t.getNonReferenceType()->getAsCXXRecordDecl());
  if (!spec || normalize_name(spec->getQualifiedNameAsString()) != "std::counting_semaphore") return false;
  const TemplateArgumentList& args = spec->getTemplateArgs();
  return args.size() >= 1 && args[0].getKind() == TemplateArgument::Integral && args[0].getAsIntegral() == 1;
}

// Before the walk: which binary semaphores this function acquires and which it releases.
void FunctionExtractor::prescan_semaphore(const Stmt* s) {
  const auto* mc = dyn_cast<CXXMemberCallExpr>(s);
  if (!mc || !mc->getMethodDecl() || !is_binary_semaphore(mc->getObjectType())) return;
  std::string m = mc->getMethodDecl()->getNameAsString();
  Path p = path_of(mc->getImplicitObjectArgument());
  if (p.known()) (m == "release" ? semaphore_releases_ : semaphore_acquires_).push_back(p);
}

void FunctionExtractor::on_binary_semaphore(const CXXMemberCallExpr* mc, const std::string& method) {
  Path p = path_of(mc->getImplicitObjectArgument());
  auto has = [&](const std::vector<Path>& v) { return std::find(v.begin(), v.end(), p) != v.end(); };
  if (!p.known() || !has(semaphore_acquires_) || !has(semaphore_releases_)) return;
  if (method == "release") return release({p}, mc->getBeginLoc(), LockMode::Exclusive);
  if (method == "acquire") return acquire({p}, mc->getBeginLoc(), LockMode::Exclusive, false, false);
  // try_acquire*: not modelled (its success edge is not tracked like a try_lock's); it guards nothing.
}

}  // namespace lockscope::extract
