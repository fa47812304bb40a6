#pragma once
// Which types and expressions carry callables (std::function and friends, function pointers,
// containers of them) and which name one directly (a lambda, `&f`). Stateless; Clang side only.
#include <vector>

#include <clang/AST/ExprCXX.h>

#include "facts/facts.h"

namespace lockscope::extract {

bool is_function_pointer(clang::QualType t);

// A holder, a function pointer, a smart pointer to a holder (make_shared<packaged_task<...>>),
// or a container of holders.
bool carries_callables(clang::QualType t, int depth = 0);

// The function a lambda expression or a named function (`f`, `&f`) calls; null for anything else.
const clang::FunctionDecl* literal_callable(const clang::Expr* e);

// One open argument per declared parameter of a callable stored for later: the call through the
// holder supplies them (facts::kCallArgument).
void add_open_params(const clang::FunctionDecl* f, std::vector<facts::Path>& args);

// std::placeholders::_1 (libstdc++ and libc++ spellings).
bool is_placeholder(clang::QualType t);

// The elements of a std::pair / std::tuple being made (make_pair, make_tuple, a constructor).
std::vector<const clang::Expr*> pair_parts(const clang::Expr* e);

// A pthread_t or std::thread passed by pointer or reference (memcached's create_worker(&t[i],
// ...)): an element with a computed index stands for all of them, as the joining loop does.
bool is_thread_handle(clang::QualType t);

}  // namespace lockscope::extract
