#pragma once
// nlohmann's parse errors read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error while parsing value - invalid literal; last read: 'n'". A user given a file that
// is not JSON needs where and what, not the library's error ids: "line 1, column 2: invalid literal".
#include <string>

#include <nlohmann/json.hpp>

namespace lockscope::report {

inline std::string json_parse_error_text(const nlohmann::json::parse_error& e) {
  std::string text = e.what();
  if (size_t id_end = text.find("] "); text.starts_with("[json.exception") && id_end != std::string::npos)
    text.erase(0, id_end + 2);
  if (text.starts_with("parse error at ")) text.erase(0, 15);
  if (text.find("empty input") != std::string::npos ||
      (text.starts_with("line 1, column 1:") && text.find("unexpected end of input") != std::string::npos))
    return "the file is empty";
  // "line 1, column 2: syntax error while parsing value - invalid literal; last read: 'n'"
  const size_t colon = text.find(": ");
  const size_t dash = text.find(" - ", colon == std::string::npos ? 0 : colon);
  if (colon != std::string::npos && dash != std::string::npos) text = text.substr(0, colon + 2) + text.substr(dash + 3);
  if (size_t last = text.find("; last read"); last != std::string::npos) text.erase(last);
  return text;
}

}  // namespace lockscope::report
