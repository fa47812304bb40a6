#pragma once
// Globals whose definition stores a callable: a std::function or a function pointer set to a
// lambda or a function, and C "vtables" (struct ops ops = { .run = run_fn, ... }). Their
// initialisation runs on the main thread before main() and is given to the link as a function of
// store events (facts::Function::is_initializer).
#include "facts/facts.h"

namespace clang {
class ASTContext;
class VarDecl;
}  // namespace clang

namespace lockscope::extract {

// Appends the initialisation of `v` to `out` when it stores callables; does nothing otherwise.
void extract_global_initializer(clang::ASTContext& ctx, const clang::VarDecl* v, facts::TranslationUnitFacts& out);

}  // namespace lockscope::extract
