#include "symbolizer_names.h"

#include <cxxabi.h>
#include <unistd.h>

#include <cstdlib>
#include <regex>

namespace lockscope::rt {

namespace {

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// `ENCLOSING::$_N` (clang) or `ENCLOSING::{lambda(ARGS)#N}` (gcc): the lambda's closure type.
const std::regex& lambda_type() {
  static const std::regex re(R"(^(.*?)::(\$_\d+|\{lambda\(.*?\)#\d+\})$)");
  return re;
}

}  // namespace

std::string demangle(const char* name) {
  int status = 0;
  char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string s = status == 0 && d ? d : name;
  std::free(d);
  return s;
}

std::string readable_function(const Frame& f) {
  static const std::regex call_operator(R"(^(?:auto |decltype\(auto\) )?(.*)::operator\(\)(?:<.*>)?\(.*$)");
  std::smatch m, t;
  if (!std::regex_match(f.function, m, call_operator)) return f.function;
  std::string closure = m[1];
  if (!std::regex_match(closure, t, lambda_type())) return f.function;
  std::string name = "lambda in " + t[1].str();
  const std::string& file = f.start_file.empty() ? f.file : f.start_file;
  unsigned line = f.start_line ? f.start_line : f.line;
  if (!file.empty() && line) name += " at " + base_name(file) + ":" + std::to_string(line);
  return name;
}

bool is_system_module(const std::string& path) {
  static const std::string program = [] {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }();
  if (path == program) return false;  // a program installed in /usr/lib is still the user's
  for (const char* dir : {"/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/"})
    if (path.starts_with(dir)) return true;
  return path.find("linux-vdso") != std::string::npos;
}

bool is_library_function_name(const std::string& function) {
  std::string name;  // the part before the parameters, without template arguments
  int depth = 0;
  for (char c : function.substr(0, function.find('('))) {
    if (c == '<') ++depth;
    else if (c == '>') depth -= depth > 0;
    else if (depth == 0) name += c;
  }
  name = name.substr(name.find_last_of(' ') + 1);  // after a return type
  return name.starts_with("std::") || name.starts_with("__");
}

std::string std_thread_callable(const std::string& function) {
  static const std::string prefix = "std::thread::_State_impl<std::thread::_Invoker<std::tuple<";
  if (!function.starts_with(prefix)) return {};
  // The first template argument of the tuple, up to a comma or '>' at depth 0.
  int depth = 0;
  size_t end = prefix.size();
  for (; end < function.size(); ++end) {
    char c = function[end];
    if (c == '<' || c == '(' || c == '{') ++depth;
    else if ((c == '>' || c == ')' || c == '}') && depth > 0) --depth;
    else if ((c == ',' || c == '>') && depth == 0) break;
  }
  std::string callable = function.substr(prefix.size(), end - prefix.size());
  while (!callable.empty() && callable.back() == ' ') callable.pop_back();
  std::smatch t;
  if (std::regex_match(callable, t, lambda_type())) return "lambda in " + t[1].str();
  if (callable.find('(') != std::string::npos) return {};  // a function pointer or reference type
  return callable;
}

}  // namespace lockscope::rt
