#include "extract/source_quote.h"

#include <cctype>

namespace lockscope::extract {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whitespace runs and comments become one space; string and character literals are kept as written.
std::string one_line(std::string_view text) {
  std::string out;
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
    } else if (text.substr(i, 2) == "//") {
      i = text.find('\n', i);
      if (i == std::string_view::npos) break;
      pending_space = true;
    } else if (text.substr(i, 2) == "/*") {
      i = text.find("*/", i + 2);
      if (i == std::string_view::npos) break;
      ++i;
      pending_space = true;
    } else if (c == '"' || c == '\'') {
      put(c);
      for (++i; i < text.size() && text[i] != c; ++i) {
        out += text[i];
        if (text[i] == '\\' && i + 1 < text.size()) out += text[++i];
      }
      if (i < text.size()) out += c;
    } else {
      put(c);
    }
  }
  return out;
}

}  // namespace

std::string quote_source(std::string_view text, size_t max) {
  std::string line = one_line(text);
  if (line.size() <= max) return line;
  // Cut before the last token that does not fit whole: never inside a name or a number.
  size_t cut = max - 4;
  while (cut > 0 && is_word(line[cut]) && is_word(line[cut - 1])) --cut;
  if (cut == 0) cut = max - 4;  // one enormous name: cut it anyway
  while (cut > 0 && line[cut - 1] == ' ') --cut;
  return line.substr(0, cut) + " ...";
}

}  // namespace lockscope::extract
