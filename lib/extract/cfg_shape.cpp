// Both walks use LLVM's iterative graph iterators (thousands of blocks must not overflow the
// stack) over the CFG's *reachable* successor edges: an edge Clang pruned (a branch on a
// constant) is a null successor and is not followed.
#include "extract/cfg_shape.h"

#include <algorithm>
#include <optional>

#include <clang/Analysis/CFG.h>
#include <llvm/ADT/BitVector.h>
#include <llvm/ADT/PostOrderIterator.h>
#include <llvm/ADT/SCCIterator.h>
#include <llvm/ADT/STLExtras.h>

namespace lockscope::extract {
namespace {

using clang::CFG;
using clang::CFGBlock;

// The visited set po_iterator keeps outside itself: by block id, refusing the null successors.
class BlockSet {
 public:
  explicit BlockSet(unsigned n) : seen_(n) {}
  std::pair<std::nullopt_t, bool> insert(const CFGBlock* b) {
    if (!b || seen_.test(b->getBlockID())) return {std::nullopt, false};
    seen_.set(b->getBlockID());
    return {std::nullopt, true};
  }
  bool contains(const CFGBlock* b) const { return seen_.test(b->getBlockID()); }

 private:
  llvm::BitVector seen_;
};

bool reachable(const CFGBlock::AdjacentBlock& a) { return a.getReachableBlock() != nullptr; }

// A block's successors without the pruned (null) ones, for the SCC iterator.
struct ReachableSuccessors {
  using NodeRef = const CFGBlock*;
  using ChildIteratorType = llvm::filter_iterator<CFGBlock::const_succ_iterator, bool (*)(const CFGBlock::AdjacentBlock&)>;
  static NodeRef getEntryNode(NodeRef b) { return b; }
  static ChildIteratorType child_begin(NodeRef b) {
    return llvm::make_filter_range(b->succs(), &reachable).begin();
  }
  static ChildIteratorType child_end(NodeRef b) { return llvm::make_filter_range(b->succs(), &reachable).end(); }
};

}  // namespace

std::vector<const CFGBlock*> visiting_order(const CFG& cfg) {
  BlockSet seen(cfg.getNumBlockIDs());
  // One pass: the iterators share `seen`, so the range must not be walked twice (as a vector's
  // range constructor would, to count it first).
  std::vector<const CFGBlock*> order;
  for (const CFGBlock* b : llvm::post_order_ext(&cfg, seen)) order.push_back(b);
  std::reverse(order.begin(), order.end());
  for (const CFGBlock* b : cfg)
    if (!seen.contains(b)) order.push_back(b);
  return order;
}

std::vector<char> blocks_on_cycles(const CFG& cfg) {
  std::vector<char> on(cfg.getNumBlockIDs(), 0);
  llvm::BitVector done(cfg.getNumBlockIDs());
  // Every block, reachable from the entry or not, starts a walk unless an earlier one covered it
  // (a strongly connected component found from any root is the whole component).
  for (const CFGBlock* root : cfg) {
    if (done.test(root->getBlockID())) continue;
    for (auto scc = llvm::scc_iterator<const CFGBlock*, ReachableSuccessors>::begin(root); !scc.isAtEnd(); ++scc) {
      bool cycle = scc.hasCycle();
      for (const CFGBlock* b : *scc) {
        done.set(b->getBlockID());
        if (cycle) on[b->getBlockID()] = 1;
      }
    }
  }
  return on;
}

}  // namespace lockscope::extract
