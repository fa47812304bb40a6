#pragma once
// `--shard I/N`: which translation units one of N CI jobs extracts. Units are ordered by file
// name (not database order, which build systems do not keep stable) and dealt out round robin,
// so every job computes the same partition from the same database, each unit lands in exactly one
// shard, and shards differ in size by at most one unit.
#include <stdexcept>
#include <string>
#include <vector>

namespace lockscope::cache {

struct Shard {
  unsigned index = 1;  // 1-based, as CI matrices count (--shard 1/3 .. 3/3)
  unsigned count = 1;
  friend bool operator==(const Shard&, const Shard&) = default;
};

class ShardError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Parses "I/N" with 1 <= I <= N. Throws ShardError naming the text.
Shard parse_shard(const std::string& text);

// Indices into `files` of the units in `shard`, in the order of `files`.
std::vector<size_t> shard_members(const std::vector<std::string>& files, Shard shard);

}  // namespace lockscope::cache
