// lockscope-testdata: checks one testdata program in one mode against the expectations written in its
// comments (testdata/README.md). Exit 0 when findings and expectations match exactly, 1 with a readable
// diff when they do not, 2 when the program or the harness setup is broken.
//
//   lockscope-testdata static  --lockscope BIN --root DIR PROGRAM
//   lockscope-testdata runtime --runtime-archive LIB.a --cc CLANG --cxx CLANG++ --root DIR PROGRAM
//   lockscope-testdata preloaded --runtime-shared LIB.so --cc CLANG --cxx CLANG++ --root DIR PROGRAM
//   lockscope-testdata python  --runtime-shared LIB.so [--python PYTHON] --root DIR PROGRAM.py
// (python: the program runs under the preloaded shim; its expectations are the runtime half's.)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expectations.h"
#include "report/json_io.h"
#include "report/text_writer.h"
#include "subprocess.h"

namespace fs = std::filesystem;
using namespace lockscope;
using namespace lockscope::harness;

namespace {

struct Options {
  Mode mode = Mode::Static;
  std::string lockscope, runtime_archive, cc = "clang-19", cxx = "clang++-19";
  std::string runtime_shared, python = "python3";
  bool python_mode = false, preloaded = false;  // runtime half: the shim preloaded, not linked in
  fs::path root, program, work;
};

struct Program {
  std::vector<fs::path> sources;  // absolute, sorted
  ProgramSpec spec;
  bool is_cxx(const fs::path& p) const { return p.extension() != ".c"; }
  bool any_cxx() const {
    for (const auto& s : sources)
      if (is_cxx(s)) return true;
    return false;
  }
};

[[noreturn]] void setup_error(const std::string& message) {
  std::cerr << "lockscope-testdata: " << message << "\n";
  std::exit(2);
}

std::string relative_name(const fs::path& p, const fs::path& root) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(p, ec);
  fs::path rel = fs::relative(ec ? p : canonical, root, ec);
  if (ec || rel.empty() || *rel.begin() == "..") return p.string();
  return rel.string();
}

Program load_program(const Options& opt) {
  Program prog;
  if (fs::is_directory(opt.program)) {
    for (const auto& e : fs::directory_iterator(opt.program)) {
      const auto ext = e.path().extension();
      if (ext == ".c" || ext == ".cpp" || ext == ".cc" || ext == ".py") prog.sources.push_back(fs::absolute(e.path()));
    }
  } else if (fs::exists(opt.program)) {
    prog.sources.push_back(fs::absolute(opt.program));
  } else {
    setup_error("no such program: " + opt.program.string());
  }
  if (prog.sources.empty()) setup_error("no .c/.cpp/.py sources in " + opt.program.string());
  std::sort(prog.sources.begin(), prog.sources.end());
  for (const auto& src : prog.sources) {
    std::ifstream in(src);
    try {
      parse_source(in, relative_name(src, opt.root), opt.mode, prog.spec);
    } catch (const ExpectationError& e) {
      setup_error(e.what());
    }
  }
  return prog;
}

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<std::string> compile_flags(const Program& prog, const fs::path& src) {
  std::vector<std::string> flags = {prog.is_cxx(src) ? "-std=c++20" : "-std=c11", "-pthread"};
  if (auto it = prog.spec.directives.find("cflags"); it != prog.spec.directives.end())
    for (auto& w : split_words(it->second)) flags.push_back(w);
  return flags;
}

// Findings that match no expectation, and expectations that no finding meets.
int compare(const Program& prog, const Options& opt, const report::Report& rep, const std::string& log) {
  std::multiset<Expectation> expected(prog.spec.expectations.begin(), prog.spec.expectations.end());
  std::vector<const report::Finding*> unexpected;
  for (const report::Finding& f : rep.findings) {
    Expectation key{relative_name(f.location.file, opt.root), f.location.line, f.kind};
    if (auto it = expected.find(key); it != expected.end()) expected.erase(it);
    else unexpected.push_back(&f);
  }
  if (expected.empty() && unexpected.empty()) {
    std::cout << "ok: " << rep.findings.size() << " finding(s) as expected\n";
    return 0;
  }
  std::cout << "MISMATCH in " << opt.program.string() << " ("
            << (opt.python_mode ? "python" : opt.preloaded ? "preloaded" : opt.mode == Mode::Static ? "static" : "runtime")
            << ")\n";
  for (const Expectation& e : expected) std::cout << "  missing:    " << e.file << ":" << e.line << ": " << e.kind << "\n";
  for (const report::Finding* f : unexpected)
    std::cout << "  unexpected: " << relative_name(f->location.file, opt.root) << ":" << f->location.line << ": "
              << f->kind << ": " << f->message << "\n";
  std::cout << "\nfull report:\n";
  report::write_text(std::cout, rep);
  if (!log.empty()) std::cout << "\noutput:\n" << log;
  return 1;
}

report::Report read_report(const fs::path& path) {
  try {
    return report::read_json_file(path.string());
  } catch (const report::ReportFormatError& e) {
    setup_error(e.what());
  }
}

int run_static(const Program& prog, const Options& opt) {
  nlohmann::json db = nlohmann::json::array();
  for (const auto& src : prog.sources) {
    std::vector<std::string> args = {prog.is_cxx(src) ? opt.cxx : opt.cc};
    for (auto& f : compile_flags(prog, src)) args.push_back(f);
    args.insert(args.end(), {"-c", src.string()});
    db.push_back({{"directory", src.parent_path().string()}, {"file", src.string()}, {"arguments", args}});
  }
  std::ofstream(opt.work / "compile_commands.json") << db.dump(2);
  const fs::path out = opt.work / "static.json";
  std::vector<std::string> cmd = {opt.lockscope, "check", "-p", opt.work.string(), "--format", "json",
                                  "--output", out.string()};
  ProcessResult r = run_process(cmd, {}, 300);
  if (r.timed_out) setup_error("timed out: " + join_command(cmd) + "\n" + r.output);
  if (r.exit_code != 0 && r.exit_code != 1)
    setup_error("exit " + std::to_string(r.exit_code) + " from " + join_command(cmd) + "\n" + r.output);
  report::Report rep = read_report(out);
  if ((r.exit_code == 1) != !rep.findings.empty())
    setup_error("exit status " + std::to_string(r.exit_code) + " disagrees with " +
                std::to_string(rep.findings.size()) + " finding(s)");
  return compare(prog, opt, rep, r.output);
}

// Compiles and links a C/C++ program, with the shim linked in unless it is to be preloaded; returns the
// executable.
fs::path build_linked(const Program& prog, const Options& opt) {
  std::vector<std::string> objects;
  for (const auto& src : prog.sources) {
    const fs::path obj = opt.work / (src.stem().string() + ".o");
    std::vector<std::string> cmd = {prog.is_cxx(src) ? opt.cxx : opt.cc, "-g", "-O0"};
    for (auto& f : compile_flags(prog, src)) cmd.push_back(f);
    cmd.insert(cmd.end(), {"-c", src.string(), "-o", obj.string()});
    ProcessResult r = run_process(cmd, {}, 120);
    if (r.exit_code != 0) setup_error("compile failed: " + join_command(cmd) + "\n" + r.output);
    objects.push_back(obj.string());
  }
  const fs::path exe = opt.work / "program";
  std::vector<std::string> link = {prog.any_cxx() ? opt.cxx : opt.cc, "-g", "-pthread"};
  link.insert(link.end(), objects.begin(), objects.end());
  link.insert(link.end(), {"-o", exe.string()});
  if (!opt.preloaded)
    link.insert(link.end(), {"-Wl,--whole-archive", opt.runtime_archive, "-Wl,--no-whole-archive", "-ldl",
                             "-lstdc++", "-lm"});
  ProcessResult built = run_process(link, {}, 120);
  if (built.exit_code != 0) setup_error("link failed: " + join_command(link) + "\n" + built.output);
  return exe;
}

int run_runtime(const Program& prog, const Options& opt) {
  if (prog.spec.directives.contains("no-run")) {
    std::cout << "skipped: no-run program\n";
    return 0;
  }
  const fs::path report_path = opt.work / "runtime.json";
  std::map<std::string, std::string> env = {{"LOCKSCOPE_REPORT", report_path.string()}};
  std::vector<std::string> cmd;
  if (opt.python_mode) {  // a Python program: the shim is preloaded into the interpreter
    env["LD_PRELOAD"] = opt.runtime_shared;
    cmd = {opt.python, prog.sources.front().string()};
  } else {
    cmd = {build_linked(prog, opt).string()};
    if (opt.preloaded) env["LD_PRELOAD"] = opt.runtime_shared;
  }
  if (auto it = prog.spec.directives.find("runtime-options"); it != prog.spec.directives.end())
    env["LOCKSCOPE_OPTIONS"] = it->second;
  if (auto it = prog.spec.directives.find("run-args"); it != prog.spec.directives.end())
    for (auto& w : split_words(it->second)) cmd.push_back(w);
  int timeout = 60;
  if (auto it = prog.spec.directives.find("timeout"); it != prog.spec.directives.end()) timeout = std::stoi(it->second);
  ProcessResult r = run_process(cmd, env, timeout);
  if (r.timed_out) {
    std::cout << "FAIL: the program did not finish within " << timeout << " s under the runtime\n" << r.output;
    return 1;
  }
  report::Report rep;
  if (fs::exists(report_path)) rep = read_report(report_path);
  int findings_status = 66;
  if (auto it = prog.spec.directives.find("status"); it != prog.spec.directives.end())
    findings_status = std::stoi(it->second);
  const int want_exit = prog.spec.expectations.empty() ? 0 : findings_status;
  if (r.exit_code != want_exit) {
    std::cout << "FAIL: exit status " << r.exit_code << ", expected " << want_exit << "\n";
    compare(prog, opt, rep, r.output);
    return 1;
  }
  return compare(prog, opt, rep, r.output);
}

Options parse_options(int argc, char** argv) {
  if (argc < 2) setup_error("usage: lockscope-testdata static|runtime|preloaded|python [options] PROGRAM");
  Options opt;
  const std::string mode = argv[1];
  if (mode == "static") opt.mode = Mode::Static;
  else if (mode == "runtime") opt.mode = Mode::Runtime;
  else if (mode == "preloaded") opt.mode = Mode::Runtime, opt.preloaded = true;
  else if (mode == "python") opt.mode = Mode::Runtime, opt.python_mode = true;
  else setup_error("unknown mode '" + mode + "'");
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) setup_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--lockscope") opt.lockscope = value();
    else if (a == "--runtime-archive") opt.runtime_archive = value();
    else if (a == "--runtime-shared") opt.runtime_shared = value();
    else if (a == "--python") opt.python = value();
    else if (a == "--cc") opt.cc = value();
    else if (a == "--cxx") opt.cxx = value();
    else if (a == "--root") opt.root = fs::weakly_canonical(value());
    else if (!a.starts_with("--") && opt.program.empty()) opt.program = a;
    else setup_error("unexpected argument '" + a + "'");
  }
  if (opt.program.empty()) setup_error("no program given");
  if (opt.root.empty()) opt.root = fs::weakly_canonical(fs::path(opt.program).parent_path());
  if (opt.mode == Mode::Static && opt.lockscope.empty()) setup_error("static mode needs --lockscope");
  if (opt.mode == Mode::Runtime && !opt.python_mode && !opt.preloaded && opt.runtime_archive.empty())
    setup_error("runtime mode needs --runtime-archive");
  if ((opt.python_mode || opt.preloaded) && opt.runtime_shared.empty())
    setup_error(std::string(argv[1]) + " mode needs --runtime-shared");
  return opt;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt = parse_options(argc, argv);
  Program prog = load_program(opt);
  char tmpl[] = "/tmp/lockscope-testdata-XXXXXX";
  if (!mkdtemp(tmpl)) setup_error("cannot create a temporary directory");
  opt.work = tmpl;
  const int rc = opt.mode == Mode::Static ? run_static(prog, opt) : run_runtime(prog, opt);
  if (rc == 0) fs::remove_all(opt.work);
  else std::cout << "(work files kept in " << opt.work.string() << ")\n";
  return rc;
}
