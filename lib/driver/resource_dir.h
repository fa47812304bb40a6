#pragma once
// The clang resource directory (builtin headers such as stddef.h) for extraction. LibTooling
// derives it from the tool's own path, which only works when lockscope sits in a clang
// installation's bin/; anywhere else we fall back to the clang 19 lockscope was built against
// (`clang-19 -print-resource-dir`, recorded at configure time).
#include <string>
#include <vector>

namespace lockscope::driver {

// `<binary>/../lib/clang/19` when it holds the builtin headers, else the configure-time one.
std::string default_resource_dir();

// Inserts -resource-dir=DIR after argv[0] unless the command already names one (the user's
// choice wins, as in clang-tidy).
void add_resource_dir(std::vector<std::string>& command, const std::string& dir);

}  // namespace lockscope::driver
