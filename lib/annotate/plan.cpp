#include "annotate/plan.h"

#include <clang/Tooling/Core/Replacement.h>
#include <clang/Tooling/Inclusions/HeaderIncludes.h>
#include <clang/Tooling/ReplacementsYaml.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "annotate/placement.h"

namespace lockscope::annotate {

namespace {

namespace fs = std::filesystem;

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string where(const report::Location& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

// The attribute texts to insert in each file, by offset (one insertion per offset, so two facts
// on one declaration become `GUARDED_BY(a) ACQUIRED_AFTER(b)`, never two clashing replacements).
class Insertions {
 public:
  explicit Insertions(const Project& project) : project_(project) {}

  std::string absolute(const std::string& file) const {
    fs::path p(file);
    return (p.is_absolute() ? p : fs::path(project_.root) / p).lexically_normal().string();
  }

  const std::string* text(const std::string& path, std::vector<std::string>& notes) {
    auto it = texts_.find(path);
    if (it == texts_.end()) {
      std::optional<std::string> t = project_.read(path);
      if (!t) notes.push_back(path + ": cannot be read; its annotations are not written");
      it = texts_.emplace(path, std::move(t)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  // `place` is variable_attribute_offset or function_attribute_offset.
  template <typename Place>
  void add(const report::Location& decl, const std::string& name, const std::string& attribute,
           const std::string& existing, Place place, std::vector<std::string>& notes) {
    std::string path = absolute(decl.file);
    std::string rel = fs::path(path).lexically_relative(project_.root).string();
    if (rel.empty() || rel.starts_with("..")) {  // a system or third-party header is not ours to edit
      notes.push_back(where(decl) + ": " + attribute + " not written: outside the project root " + project_.root);
      return;
    }
    const std::string* t = text(path, notes);
    if (!t) return;
    std::optional<size_t> at = offset_of(*t, decl.line, decl.column);
    Placement p = at ? place(*t, *at, name, existing) : Placement{std::nullopt, "no such line and column"};
    if (!p.offset) {
      notes.push_back(where(decl) + ": " + attribute + " not written: " + p.problem);
      return;
    }
    std::vector<std::string>& here = by_file_[path][*p.offset];
    if (std::find(here.begin(), here.end(), attribute) == here.end()) here.push_back(attribute);
  }

  const std::map<std::string, std::map<size_t, std::vector<std::string>>>& by_file() const { return by_file_; }
  const std::string& contents(const std::string& path) const { return *texts_.at(path); }

 private:
  const Project& project_;
  std::map<std::string, std::optional<std::string>> texts_;
  std::map<std::string, std::map<size_t, std::vector<std::string>>> by_file_;
};

// How a file spells the include of the header that defines the macros: as another project file
// already does (`#include "port/thread_annotations.h"`), else relative to the file's directory.
std::string include_spelling(const std::string& file, const std::string& header, const Project& project) {
  std::string base = fs::path(header).filename().string();
  std::regex re("#[ \\t]*include[ \\t]*\"([^\"]*" + std::regex_replace(base, std::regex(R"([.])"), "\\.") + ")\"");
  for (const SourceText& s : project.macro_sources) {
    std::smatch m;
    if (std::regex_search(s.text, m, re)) return m[1].str();
  }
  return fs::path(header).lexically_relative(fs::path(file).parent_path()).string();
}

bool already_includes(const std::string& text, const std::string& header) {
  std::string base = fs::path(header).filename().string();
  std::regex re("#[ \\t]*include[ \\t]*[\"<]([^\">]*/)?" + std::regex_replace(base, std::regex(R"([.])"), "\\.") +
                "[\">]");
  return std::regex_search(text, re);
}

}  // namespace

Plan plan_annotations(const GuardFacts& facts, const Project& project) {
  Plan plan;
  plan.spelling = find_project_macros(project.macro_sources);
  const MacroSpelling& s = plan.spelling;
  Insertions ins(project);
  for (const GuardedVariable& v : facts.variables) {
    const std::string& macro = v.pointee ? s.pt_guarded_by : s.guarded_by;
    ins.add(v.decl, v.name, macro + "(" + v.lock + ")", macro, variable_attribute_offset, plan.notes);
  }
  for (const RequiringFunction& f : facts.functions)
    ins.add(f.decl, f.name, s.requires_ + "(" + join(f.locks) + ")", s.requires_, function_attribute_offset,
            plan.notes);
  // All the locks one lock comes after, in one ACQUIRED_AFTER.
  std::map<std::pair<std::string, std::pair<unsigned, unsigned>>, std::pair<const LockOrder*, std::vector<std::string>>>
      afters;
  for (const LockOrder& o : facts.orders) {
    auto& entry = afters[{ins.absolute(o.later_decl.file), {o.later_decl.line, o.later_decl.column}}];
    entry.first = &o;
    if (std::find(entry.second.begin(), entry.second.end(), o.earlier) == entry.second.end())
      entry.second.push_back(o.earlier);
  }
  for (const auto& [key, entry] : afters)
    ins.add(entry.first->later_decl, entry.first->later, s.acquired_after + "(" + join(entry.second) + ")",
            s.acquired_after, variable_attribute_offset, plan.notes);

  std::string header = s.header ? *s.header : (fs::path(project.root) / kGeneratedHeaderName).string();
  for (const auto& [path, at] : ins.by_file()) {
    const std::string& before = ins.contents(path);
    clang::tooling::Replacements reps;
    auto add = [&](const clang::tooling::Replacement& r) {
      if (llvm::Error e = reps.add(r)) plan.notes.push_back(path + ": " + llvm::toString(std::move(e)));
    };
    for (const auto& [offset, attributes] : at) {
      std::string text;
      for (const std::string& a : attributes) text += " " + a;
      add(clang::tooling::Replacement(path, static_cast<unsigned>(offset), 0, text));
    }
    if (path != header && !already_includes(before, header)) {
      clang::tooling::HeaderIncludes includes(path, before, clang::tooling::IncludeStyle{});
      if (auto r = includes.insert(include_spelling(path, header, project), false,
                                   clang::tooling::IncludeDirective::Include))
        add(*r);
    }
    llvm::Expected<std::string> after = clang::tooling::applyAllReplacements(before, reps);
    if (!after) {
      plan.notes.push_back(path + ": " + llvm::toString(after.takeError()));
      continue;
    }
    for (const clang::tooling::Replacement& r : reps)
      plan.edits.push_back({path, r.getOffset(), r.getLength(), r.getReplacementText().str()});
    plan.files.push_back({path, before, *after, false});
  }
  if (!s.header && !plan.files.empty()) plan.files.push_back({header, "", generated_header(), true});
  return plan;
}

std::string fixits_yaml(const Plan& plan) {
  clang::tooling::TranslationUnitReplacements unit;
  unit.MainSourceFile = plan.edits.empty() ? "" : plan.edits.front().file;
  for (const Edit& e : plan.edits) unit.Replacements.emplace_back(e.file, e.offset, e.length, e.text);
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::yaml::Output yaml(os);
  yaml << unit;
  os.flush();
  return out;
}

}  // namespace lockscope::annotate
