#pragma once
// Validating field access for the JSON documents lockscope reads (reports, facts, baselines): every
// failure names the offending field by its path ("findings[2].location.line: expected a non-negative
// integer"), so a malformed file is one clear message, never a guess or a crash.
//
//   JsonReader<MyError> r(doc, "");
//   std::string kind = r.str("kind");
//   r.each("notes", [&](const json& n, const std::string& path) { JsonReader<MyError> nr(n, path); ... });
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lockscope::report {

template <typename Error>
class JsonReader {
 public:
  using json = nlohmann::json;

  JsonReader(const json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j_.is_object()) fail(path_, "expected an object");
  }

  std::string str(const char* key, bool required = true) const {
    const json* v = get(key, required);
    if (!v) return {};
    if (!v->is_string()) fail(at(key), "expected a string");
    return v->get<std::string>();
  }
  unsigned number(const char* key, bool required = true) const {
    const json* v = get(key, required);
    if (!v) return 0;
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<long long>() >= 0))
      fail(at(key), "expected a non-negative integer");
    return v->get<unsigned>();
  }
  int integer(const char* key) const {
    const json* v = get(key, true);
    if (!v->is_number_integer()) fail(at(key), "expected an integer");
    return v->get<int>();
  }
  bool boolean(const char* key, bool required = false) const {
    const json* v = get(key, required);
    if (!v) return false;
    if (!v->is_boolean()) fail(at(key), "expected true or false");
    return v->get<bool>();
  }
  // Calls fn(element, path) for each element of an array (optional unless `required`).
  template <typename Fn>
  void each(const char* key, Fn fn, bool required = false) const {
    const json* v = get(key, required);
    if (!v) return;
    if (!v->is_array()) fail(at(key), "expected an array");
    for (size_t i = 0; i < v->size(); ++i) fn((*v)[i], at(key) + "[" + std::to_string(i) + "]");
  }
  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    each(key, [&](const json& e, const std::string& p) {
      if (!e.is_string()) fail(p, "expected a string");
      out.push_back(e.get<std::string>());
    });
    return out;
  }
  const json& sub(const char* key) const { return *get(key, true); }
  bool has(const char* key) const { return get(key, false) != nullptr; }
  std::string at(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

  [[noreturn]] static void fail(const std::string& where, const std::string& what) {
    throw Error((where.empty() ? std::string("document") : where) + ": " + what);
  }

 private:
  const json* get(const char* key, bool required) const {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) fail(at(key), "missing");
      return nullptr;
    }
    return &*it;
  }

  const json& j_;
  std::string path_;
};

}  // namespace lockscope::report
