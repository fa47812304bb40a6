#pragma once
// Writing a file so that readers see either the old content or the whole new one: the text goes
// to a unique temporary next to the target, then is renamed over it (atomic within one file
// system). Parallel jobs writing the same entry, or a job killed mid-write, leave no half file.
#include <stdexcept>
#include <string>

namespace lockscope::cache {

class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Creates missing parent directories. Throws WriteError naming the path and the reason.
void write_atomically(const std::string& path, const std::string& text);

}  // namespace lockscope::cache
