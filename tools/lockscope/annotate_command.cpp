// `lockscope annotate`: write what the analysis inferred about locks as Clang Thread Safety
// annotations (GUARDED_BY, REQUIRES, ACQUIRED_AFTER), so `clang -Wthread-safety` keeps enforcing
// it. The writing is lib/annotate; the guard facts come from the analysis or from --guards.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "annotate/guards_json.h"
#include "annotate/plan.h"
#include "annotate/project_files.h"
#include "annotate/unified_diff.h"
#include "commands.h"
#include "driver/check_options.h"
#include "report/finding.h"
#include "report_output.h"

namespace lockscope::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp = R"(usage: lockscope annotate [-p BUILD_DIR] [FILES...] [-- ARGS...] [--guards FILE]
                          [--format diff|fixits|guards] [-o FILE] [--root DIR] [-q]

Writes the locking the analysis inferred as Clang Thread Safety annotations: GUARDED_BY on
fields and globals, REQUIRES on functions called with a lock held, ACQUIRED_AFTER for a
consistent lock order. The project's own macros are used when it defines them (leveldb's,
abseil's ABSL_ ones); otherwise the output adds lockscope_thread_annotations.h, which defines
them, and includes it.

  --format diff     a unified diff, for `patch -p1` in the root directory (default)
  --format fixits   clang-apply-replacements YAML; a generated header is written directly
  --format guards   the guard facts themselves as JSON (what --guards reads), nothing placed
  -o, --output FILE write there instead of standard output
  --guards FILE     take the guard facts from a JSON file instead of the analysis
                    (the format is in lib/annotate/guards_json.h)
  --root DIR        the project root: diff paths are relative to it, a generated header goes
                    there, its headers are searched for macro definitions (default: the
                    current directory when it holds every annotated file, else the
                    deepest directory that does)
  -q                no summary on standard error

-p, FILES, `--` and -j select the units as in `lockscope check`.
)";

enum class Format { Diff, Fixits, Guards };

struct AnnotateOptions {
  Format format = Format::Diff;
  std::optional<std::string> output, guards, root;
  bool help = false;
  driver::CheckOptions check;
};

// Takes annotate's own options out of the arguments (before `--`); the rest are check's.
AnnotateOptions parse(const Args& args) {
  AnnotateOptions o;
  Args rest;
  auto value = [&](size_t& i, const std::string& name) -> std::optional<std::string> {
    const std::string& a = args[i];
    if (a.starts_with(name + "=")) return a.substr(name.size() + 1);
    if (a != name) return std::nullopt;
    if (i + 1 >= args.size()) throw driver::UsageError("option " + name + " needs a value");
    return args[++i];
  };
  size_t i = 0;
  for (; i < args.size() && args[i] != "--"; ++i) {
    if (auto v = value(i, "--format")) {
      if (*v != "diff" && *v != "fixits" && *v != "guards")
        throw driver::UsageError("--format expects diff, fixits or guards, got '" + *v + "'");
      o.format = *v == "diff" ? Format::Diff : *v == "fixits" ? Format::Fixits : Format::Guards;
    } else if (auto v = value(i, "--output"); v || (v = value(i, "-o"))) {
      o.output = v;
    } else if (auto v = value(i, "--guards")) {
      o.guards = v;
    } else if (auto v = value(i, "--root")) {
      o.root = fs::absolute(*v).lexically_normal().string();
    } else if (args[i] == "--help" || args[i] == "-h") {
      o.help = true;
    } else {
      rest.push_back(args[i]);
    }
  }
  rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
  // With --guards alone there is nothing to analyze, and no unit to name.
  bool quiet = std::erase(rest, "-q") + std::erase(rest, "--quiet") > 0;
  if (!o.help && !rest.empty()) o.check = driver::parse_check_args(rest);
  o.check.quiet = o.check.quiet || quiet;
  return o;
}

// The facts to write. The guard inference belongs to lib/link (issue 12, point 4); until it is
// exposed there, only --guards supplies them.
annotate::GuardFacts guard_facts(const AnnotateOptions& o) {
  if (!o.guards)
    throw driver::UsageError(
        "the guard inference is not in this build yet (lib/link, issue 12); give the guards with --guards FILE");
  std::optional<std::string> text = annotate::read_file(*o.guards);
  if (!text) throw annotate::GuardsError("cannot read --guards " + *o.guards);
  try {
    return annotate::with_absolute_paths(annotate::read_guards_json(*text), fs::current_path().string());
  } catch (const annotate::GuardsError& e) {
    throw annotate::GuardsError(*o.guards + ": " + e.what());
  }
}

// The current directory when it holds every annotated file (a user runs annotate in the
// project), else the deepest directory that does.
std::string default_root(const annotate::GuardFacts& facts, const driver::CheckOptions& check) {
  std::vector<std::string> files;
  for (const auto& v : facts.variables) files.push_back(v.decl.file);
  for (const auto& f : facts.functions) files.push_back(f.decl.file);
  for (const auto& o : facts.orders) files.push_back(o.later_decl.file);
  for (const std::string& f : check.files) files.push_back(fs::absolute(f).lexically_normal().string());
  std::string cwd = fs::current_path().lexically_normal().string();
  bool under_cwd = std::all_of(files.begin(), files.end(), [&](const std::string& f) {
    std::string rel = fs::path(f).lexically_relative(cwd).string();
    return !rel.empty() && !rel.starts_with("..");
  });
  return under_cwd ? cwd : annotate::common_directory(files);
}

// --format fixits: clang-apply-replacements edits existing files only, so a generated header is
// written here (never over an existing file).
bool write_created_files(const annotate::Plan& plan, bool quiet) {
  for (const annotate::FileChange& f : plan.files) {
    if (!f.created || fs::exists(f.path)) continue;
    std::ofstream out(f.path);
    if (!(out << f.after)) {
      fail("annotate", "cannot write " + f.path);
      return false;
    }
    if (!quiet) std::cerr << "lockscope annotate: wrote " << f.path << "\n";
  }
  return true;
}

}  // namespace

int annotate_main(const Args& args) {
  AnnotateOptions o;
  annotate::GuardFacts facts;
  try {
    o = parse(args);
    if (o.help) {
      std::cout << kHelp;
      return report::kExitClean;
    }
    facts = guard_facts(o);
  } catch (const driver::UsageError& e) {
    return fail("annotate", e.what());
  } catch (const annotate::GuardsError& e) {
    return fail("annotate", e.what());
  }
  std::ofstream file;
  if (o.output) {
    file.open(*o.output);
    if (!file) return fail("annotate", "cannot write --output " + *o.output);
  }
  std::ostream& out = o.output ? file : std::cout;
  if (o.format == Format::Guards) {
    out << annotate::write_guards_json(facts);
    return out.flush() ? report::kExitClean : fail("annotate", "cannot write the output");
  }
  std::string root = o.root ? *o.root : default_root(facts, o.check);
  annotate::Plan plan = annotate::plan_annotations(facts, annotate::disk_project(root));
  for (const std::string& n : plan.notes) std::cerr << "lockscope annotate: note: " << n << "\n";

  out << (o.format == Format::Fixits ? annotate::fixits_yaml(plan) : annotate::unified_diff(plan.files, root));
  if (!out.flush()) return fail("annotate", "cannot write the output");
  if (o.format == Format::Fixits && !write_created_files(plan, o.check.quiet)) return report::kExitError;
  if (!o.check.quiet)
    std::cerr << "lockscope annotate: " << plan.edits.size() << " edits in "
              << plan.files.size() - (plan.spelling.header || plan.files.empty() ? 0 : 1) << " files, "
              << plan.notes.size() << " facts not written (macros: "
              << (plan.spelling.header ? *plan.spelling.header : std::string("generated header")) << ")\n";
  return report::kExitClean;
}

}  // namespace lockscope::cli
