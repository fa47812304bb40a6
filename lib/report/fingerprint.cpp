#include "report/fingerprint.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace lockscope::report {

namespace {

// Messages may carry line numbers ("first taken at line 12"), runtime thread ids ("T3") or
// addresses ("0x7ffd..."); those become '#'. Digits inside identifiers ("mu2", "x1") are part of a
// name and stay, so races on x1 and x2 keep distinct fingerprints.
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string blank_numbers(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const bool word_start = i == 0 || !ident_char(text[i - 1]);
    size_t j = i;
    if (word_start && text[j] == 'T' && j + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[j + 1])))
      ++j;  // a runtime thread id
    if (word_start && text[j] == '0' && j + 1 < text.size() && (text[j + 1] == 'x' || text[j + 1] == 'X')) {
      j += 2;
      while (j < text.size() && std::isxdigit(static_cast<unsigned char>(text[j]))) ++j;
    } else if (word_start && std::isdigit(static_cast<unsigned char>(text[j]))) {
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    }
    if (j > i && (j == text.size() || !ident_char(text[j]))) {
      out += '#';
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class Fnv1a {
 public:
  // Each part is followed by a separator byte that cannot occur in text, so ("ab","c") != ("a","bc").
  void add(const std::string& part) {
    for (unsigned char c : part) mix(c);
    mix(0xff);
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  void mix(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ULL;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string fingerprint(const Finding& f) {
  Fnv1a h;
  h.add("v1");
  h.add(f.kind);
  h.add(base_name(f.location.file));
  h.add(f.function);
  h.add(blank_numbers(f.message));

  std::vector<std::string> locks = f.locks;
  std::sort(locks.begin(), locks.end());
  locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
  h.add(std::to_string(locks.size()));
  for (const std::string& l : locks) h.add(l);

  std::vector<std::string> edges;
  for (const LockEdge& e : f.edges) edges.push_back(e.from + "\x01" + e.to);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  h.add(std::to_string(edges.size()));
  for (const std::string& e : edges) h.add(e);
  return h.hex();
}

}  // namespace lockscope::report
