#pragma once
// Small, stateless questions about Clang expressions and types that every part of extraction asks:
// which declaration a USR names, which object an expression designates once wrappers are peeled,
// which record a type is. Included only by extraction's Clang-side files (Clang headers are slow).
#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>

#include "facts/facts.h"

namespace lockscope::extract {

// The declaration's USR (facts' stable identity); empty when Clang cannot make one.
std::string usr_of(const clang::Decl* d);

// The normalized qualified name of the record a (reference to, pointer to) type is; empty if none.
std::string record_name(clang::QualType t);

// Display names drop "(anonymous namespace)::": users write `counter`, not the qualifier. (Ids
// are USRs, so nothing is merged by this.)
std::string readable(std::string name);

// A file, line and column for users: where a macro expands, as the preprocessor presumes it.
facts::Location location_of(const clang::SourceManager& sm, clang::SourceLocation l);

// The facts step of a field (a struct member): its class-qualified id and its display name.
facts::Path::Field field_step(const clang::FieldDecl* fld);

// Peels everything that does not change which object an expression designates (temporaries,
// implicit casts, copy constructions).
const clang::Expr* strip(const clang::Expr* e);

// Peels what stands between a declaration's initialiser and the construction it makes.
const clang::Expr* strip_to_construct(const clang::Expr* e);

// Casts that designate the object their operand designates: pointer and reference
// reinterpretations and class-hierarchy casts. Not integer/pointer conversions.
bool keeps_the_object(clang::CastKind k);

// The object std::ref(x), std::move(x), std::forward<T>(x) or std::addressof(x) designates: x;
// null for any other expression.
const clang::Expr* transparent_argument(const clang::Expr* e);

// An unknown path, with what could not be named and why.
facts::Path unknown(std::string why);

// Any element of a container or array ("[*]"): a loop that joins every element joins what the
// loop that filled it started.
facts::Path element_of(facts::Path all);

// How a path reads in a note: "pool->tasks", "workers[*]".
std::string display(const facts::Path& p);

// `x == K` or `K != x` with K an integer constant: x, with K in `k`; null otherwise.
const clang::Expr* compared_with_constant(const clang::BinaryOperator* bo, clang::Expr::EvalResult& k,
                                          const clang::ASTContext& ctx);

}  // namespace lockscope::extract
