#pragma once
// Unified diffs (`diff -u` with 3 lines of context) of changed files, for `lockscope annotate`'s
// default output: `patch -p1` run in the project root applies them. Lines are compared with
// Myers' O(ND) algorithm, which is fast here because annotations change few lines.
#include <string>
#include <vector>

#include "annotate/plan.h"

namespace lockscope::annotate {

// One file's diff; names as they appear after `--- ` and `+++ ` ("a/x.h", "b/x.h", "/dev/null").
// Empty when the texts are equal.
std::string unified_diff(const std::string& old_name, const std::string& new_name, const std::string& before,
                         const std::string& after);

// Every change of the plan, named relative to `root` as a/... and b/... (a created file from /dev/null).
std::string unified_diff(const std::vector<FileChange>& files, const std::string& root);

}  // namespace lockscope::annotate
