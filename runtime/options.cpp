#include "options.h"

#include <charconv>

namespace lockscope::rt {

namespace {

std::optional<std::string> parse_uint(std::string_view key, std::string_view v, unsigned lo, unsigned hi,
                                      unsigned& out) {
  unsigned value = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc{} || p != v.data() + v.size() || v.empty() || value < lo || value > hi)
    return "option '" + std::string(key) + "' expects an integer in [" + std::to_string(lo) + ", " +
           std::to_string(hi) + "], got '" + std::string(v) + "'";
  out = value;
  return std::nullopt;
}

std::optional<std::string> parse_bool(std::string_view key, std::string_view v, bool& out) {
  if (v == "1" || v == "true") out = true;
  else if (v == "0" || v == "false") out = false;
  else return "option '" + std::string(key) + "' expects 0 or 1, got '" + std::string(v) + "'";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_options(std::string_view text, Options& out) {
  while (!text.empty()) {
    size_t end = text.find(':');
    std::string_view item = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) return "option '" + std::string(item) + "' has no value (expected key=value)";
    std::string_view key = item.substr(0, eq), v = item.substr(eq + 1);
    std::optional<std::string> err;
    unsigned u = 0;
    if (key == "exitcode") {
      if (!(err = parse_uint(key, v, 0, 255, u))) out.exitcode = static_cast<int>(u);
    } else if (key == "halt_on_first_report") {
      err = parse_bool(key, v, out.halt_on_first_report);
    } else if (key == "hang_timeout_ms") {
      if (!(err = parse_uint(key, v, 0, 3600000, u))) out.hang_timeout_ms = u;
    } else if (key == "stack_depth") {
      if (!(err = parse_uint(key, v, 1, 16, u))) out.stack_depth = u;
    } else if (key == "suppressions") {
      out.suppressions = std::string(v);
    } else if (key == "symbolizer") {
      out.symbolizer = std::string(v);
    } else if (key == "print_report") {
      err = parse_bool(key, v, out.print_report);
    } else if (key == "concurrent_cycles_only") {
      err = parse_bool(key, v, out.concurrent_cycles_only);
    } else {
      return "unknown option '" + std::string(key) + "'";
    }
    if (err) return err;
  }
  return std::nullopt;
}

}  // namespace lockscope::rt
