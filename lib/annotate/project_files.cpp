#include "annotate/project_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockscope::annotate {

namespace fs = std::filesystem;

std::string common_directory(const std::vector<std::string>& files) {
  std::optional<fs::path> common;
  for (const std::string& f : files) {
    fs::path dir = fs::path(f).lexically_normal().parent_path();
    if (!common) {
      common = dir;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = dir.begin(); a != common->end() && b != dir.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common && !common->empty() ? common->string() : "/";
}

std::vector<SourceText> project_headers(const std::string& root, size_t limit) {
  std::vector<SourceText> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end && out.size() < limit; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (name.starts_with(".") || fs::exists(p / "CMakeCache.txt")) it.disable_recursion_pending();
      continue;
    }
    std::string ext = p.extension().string();
    if (ext != ".h" && ext != ".hh" && ext != ".hpp" && ext != ".hxx" && ext != ".inc") continue;
    if (std::optional<std::string> text = read_file(p.string())) out.push_back({p.string(), std::move(*text)});
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

GuardFacts with_absolute_paths(GuardFacts facts, const std::string& base) {
  auto fix = [&](report::Location& loc) {
    fs::path p(loc.file);
    if (!p.is_absolute()) loc.file = (fs::path(base) / p).lexically_normal().string();
  };
  for (GuardedVariable& v : facts.variables) fix(v.decl);
  for (RequiringFunction& f : facts.functions) fix(f.decl);
  for (LockOrder& o : facts.orders) fix(o.later_decl);
  return facts;
}

Project disk_project(const std::string& root) {
  Project p;
  p.root = root;
  p.macro_sources = project_headers(root);
  p.read = read_file;
  return p;
}

}  // namespace lockscope::annotate
