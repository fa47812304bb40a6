#pragma once
// The shape of a function's CFG that extraction needs before it walks the blocks: the order to
// visit them in, and which blocks lie on a cycle (their events may run more than once).
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
}  // namespace clang

namespace lockscope::extract {

// Reverse post-order from the entry (successors in their CFG order), so a guard's construction is
// seen before its uses and destruction; then the blocks the entry does not reach, in CFG order
// (unreachable code keeps its facts too).
std::vector<const clang::CFGBlock*> visiting_order(const clang::CFG& cfg);

// Indexed by block id: 1 for a block on a CFG cycle (one that can reach itself), else 0.
std::vector<char> blocks_on_cycles(const clang::CFG& cfg);

}  // namespace lockscope::extract
