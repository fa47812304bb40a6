// std::async: only launch::async is sure to start a thread; the default policy may defer the call
// into the caller's thread, where it would be an ordinary call made at get(). The future it
// returns (a variable, or an element of the container it goes into) is the handle that joins it.
#include "extract/function_extractor.h"

#include "extract/ast_helpers.h"

namespace lockscope::extract {

using namespace clang;

void FunctionExtractor::on_async(const CallExpr* c) {
  if (c->getNumArgs() < 2 || !record_name(c->getArg(0)->getType()).empty() ||
      text(c->getArg(0)).find("async") == std::string::npos || text(c->getArg(0)).find("deferred") != std::string::npos)
    return note(c->getBeginLoc(), "lockscope: std::async without std::launch::async is not treated as a thread start");
  std::vector<const Expr*> rest;
  for (unsigned i = 2; i < c->getNumArgs(); ++i) rest.push_back(c->getArg(i));
  auto var = call_target_.find(c);  // the future: get(), wait() and its destructor join
  Path future = var == call_target_.end() ? unknown("a future") : path_of_var(var->second, 0);
  if (const Expr* all = shapes().stored_in.count(c) ? shapes().stored_in.at(c) : nullptr)
    if (Path p = path_of(all); p.known()) future = element_of(p);
  spawn(c->getArg(1), rest, c->getBeginLoc(), future);
}

}  // namespace lockscope::extract
