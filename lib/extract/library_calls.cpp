// Library calls that write the memory their destination argument points to (memset, memcpy,
// strcpy, strcat, free, realloc, ...): a write of that object, as an assignment to it would be, and
// a read of the source for the copying ones. A struct is written field by field, so the call meets
// the accesses other code makes to each field.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"
#include "extract/libc_effects.h"

namespace lockscope::extract {

using namespace clang;

namespace {

// __builtin_memcpy and the fortified __builtin___memcpy_chk are memcpy.
std::string_view c_name(std::string_view name) {
  if (name.starts_with("__builtin___") && name.ends_with("_chk")) return name.substr(12, name.size() - 16);
  if (name.starts_with("__builtin_")) return name.substr(10);
  return name;
}

}  // namespace

bool FunctionExtractor::on_library_call(const CallExpr* c, const std::string& name) {
  std::optional<MemoryEffect> effect = memory_effect(c_name(name));
  if (!effect || static_cast<int>(c->getNumArgs()) <= effect->dest) return false;
  access_pointee(c->getArg(effect->dest), true, c->getBeginLoc());
  if (effect->source >= 0 && static_cast<int>(c->getNumArgs()) > effect->source)
    access_pointee(c->getArg(effect->source), false, c->getBeginLoc());
  return true;
}

// What a pointer argument designates: `&x` and an array are that object, a pointer variable or
// field what it points to (paths see through pointers). Pointer arithmetic (`buf + n`) names no
// object the analysis can follow: nothing is recorded.
void FunctionExtractor::access_pointee(const Expr* arg, bool write, SourceLocation at) {
  const Expr* e = arg->IgnoreParenCasts();
  QualType object;
  if (const auto* u = dyn_cast<UnaryOperator>(e); u && u->getOpcode() == UO_AddrOf) {
    e = u->getSubExpr()->IgnoreParens();
    if (!may_be_shared(e)) return;
    object = e->getType();
  } else if (e->getType()->isArrayType()) {
    if (!may_be_shared(e)) return;
    object = e->getType();
  } else if (e->getType()->isPointerType() && (isa<DeclRefExpr>(e) || isa<MemberExpr>(e) || isa<ArraySubscriptExpr>(e))) {
    object = e->getType()->getPointeeType();  // through a pointer: memory another frame may own
  } else {
    return;
  }
  if (object.isConstQualified() || object->isAtomicType()) return;
  Path p = path_of(e);
  if (p.known()) write_fields(std::move(p), object, write, at, 0);
}

void FunctionExtractor::write_fields(Path p, QualType object, bool write, SourceLocation at, int depth) {
  const RecordDecl* rd = object->getAsRecordDecl();
  if (rd && rd->getDefinition() && depth < 3 && !rd->field_empty()) {
    for (const FieldDecl* fld : rd->getDefinition()->fields()) {
      if (fld->getType().isConstQualified() || fld->getType()->isAtomicType()) continue;
      Path field = p;
      field.fields.push_back(field_step(fld));
      write_fields(std::move(field), fld->getType(), write, at, depth + 1);
    }
    return;
  }
  Event e = make(Event::Kind::Access, at);
  e.target = std::move(p);
  e.write = write;
  emit(std::move(e));
}

}  // namespace lockscope::extract
