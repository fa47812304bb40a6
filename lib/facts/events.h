#pragma once
// Every event of a function: its blocks' and its edges' (the success edge of a try-lock).
#include "facts/facts.h"

namespace lockscope::facts {

template <typename Visit>
void for_each_event(const Function& fn, Visit visit) {
  for (const Block& b : fn.blocks) {
    for (const Event& e : b.events) visit(e);
    for (const Edge& edge : b.succs)
      for (const Event& e : edge.events) visit(e);
  }
}

}  // namespace lockscope::facts
