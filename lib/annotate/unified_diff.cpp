#include "annotate/unified_diff.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace lockscope::annotate {

namespace {

constexpr int kContext = 3;

std::vector<std::string_view> split_lines(const std::string& text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.emplace_back(text.data() + pos, end - pos);
    pos = end;
  }
  return lines;
}

struct Op {
  char kind;  // ' ', '-', '+'
  int a, b;   // line indices in the old and new text (the one that applies)
};

// The V array of one step of Myers' search, for diagonals k in [lo, lo + size).
struct Snapshot {
  int lo;
  std::vector<int> x;
  int at(int k) const { return x[k - lo]; }
};

std::vector<Op> myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size()), max = n + m;
  std::vector<int> v(2 * max + 3, 0);
  const int off = max + 1;
  std::vector<Snapshot> trace;
  for (int d = 0; d <= max; ++d) {
    trace.push_back({-d - 1, std::vector<int>(v.begin() + off - d - 1, v.begin() + off + d + 2)});
    bool done = false;
    for (int k = -d; k <= d && !done; k += 2) {
      int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      done = x >= n && y >= m;
    }
    if (done) break;
  }
  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = static_cast<int>(trace.size()) - 1; d >= 0; --d) {
    if (d == 0) {
      while (x > 0 && y > 0) ops.push_back({' ', --x, --y});
      break;
    }
    const Snapshot& s = trace[d];
    int k = x - y;
    int prev_k = (k == -d || (k != d && s.at(k - 1) < s.at(k + 1))) ? k + 1 : k - 1;
    int prev_x = s.at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back({' ', --x, --y});
    if (x == prev_x) ops.push_back({'+', x, y - 1});
    else ops.push_back({'-', x - 1, y});
    x = prev_x;
    y = prev_y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void put_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "start,count" as diff prints it: an empty range names the line before it.
std::string range(int first, int count) {
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::string& old_name, const std::string& new_name, const std::string& before,
                         const std::string& after) {
  if (before == after) return {};
  std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  std::vector<Op> ops = myers(a, b);
  std::string out = "--- " + old_name + "\n+++ " + new_name + "\n";
  size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].kind == ' ') ++i;
    if (i == ops.size()) break;
    // A hunk: from kContext lines before this change to kContext after the last change that is
    // no more than 2 * kContext unchanged lines from the next.
    size_t begin = i >= kContext ? i - kContext : 0, end = i;
    while (end < ops.size()) {
      size_t next = end;
      while (next < ops.size() && ops[next].kind == ' ') ++next;
      if (next == ops.size() || next - end > 2 * kContext) {
        end = std::min(ops.size(), end + kContext);
        break;
      }
      end = next + 1;
    }
    int a_first = ops[begin].a, b_first = ops[begin].b;
    int a_count = 0, b_count = 0;
    for (size_t j = begin; j < end; ++j) {
      a_count += ops[j].kind != '+';
      b_count += ops[j].kind != '-';
    }
    out += "@@ -" + range(a_first, a_count) + " +" + range(b_first, b_count) + " @@\n";
    for (size_t j = begin; j < end; ++j)
      put_line(out, ops[j].kind, ops[j].kind == '+' ? b[ops[j].b] : a[ops[j].a]);
    i = end;
  }
  return out;
}

std::string unified_diff(const std::vector<FileChange>& files, const std::string& root) {
  std::string out;
  for (const FileChange& f : files) {
    std::string rel = std::filesystem::path(f.path).lexically_relative(root).generic_string();
    if (rel.empty() || rel.starts_with("..")) rel = f.path;  // outside the root: keep it whole
    out += unified_diff(f.created ? "/dev/null" : "a/" + rel, "b/" + rel, f.before, f.after);
  }
  return out;
}

}  // namespace lockscope::annotate
