#include "cache/shard.h"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace lockscope::cache {

namespace {

// Upper bound on N: a typo ("1/30000000") is caught rather than producing empty shards.
constexpr unsigned kMaxShards = 100000;

bool parse_number(std::string_view text, unsigned& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const size_t slash = text.find('/');
  Shard s;
  if (slash == std::string::npos || !parse_number(std::string_view(text).substr(0, slash), s.index) ||
      !parse_number(std::string_view(text).substr(slash + 1), s.count) || s.count == 0 || s.count > kMaxShards ||
      s.index == 0 || s.index > s.count)
    throw ShardError("--shard expects I/N with 1 <= I <= N <= " + std::to_string(kMaxShards) + ", got '" + text + "'");
  return s;
}

std::vector<size_t> shard_members(const std::vector<std::string>& files, Shard shard) {
  std::vector<size_t> order(files.size());
  std::iota(order.begin(), order.end(), size_t{0});
  // Ties (one file, two commands) keep database order, which select_units already reduced to one.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return files[a] < files[b]; });
  std::vector<size_t> members;
  for (size_t rank = shard.index - 1; rank < order.size(); rank += shard.count) members.push_back(order[rank]);
  std::sort(members.begin(), members.end());
  return members;
}

}  // namespace lockscope::cache
