// `lockscope run [--report FILE] [--exitcode N] [--options K=V:...] [--] PROGRAM ARGS...`:
// runs PROGRAM with the runtime shim preloaded. The shim prints the human report on stderr and
// writes the JSON report; this command finds the shim, sets the environment, and decides the exit
// status: the program's own when it failed, the findings status when it succeeded with findings,
// 0 when clean.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "options.h"
#include "report/finding.h"
#include "report/json_io.h"

extern char** environ;

namespace lockscope::cli {

namespace {

namespace fs = std::filesystem;

// A stop signal sent to this command alone (by `timeout`, a CI runner, `kill PID`) goes on to the
// program, whose shim writes the report before the signal ends it; this command then reports as
// usual. One the terminal sends (Ctrl-C) already reaches the whole foreground group, the program
// included, and is not sent twice.
volatile sig_atomic_t g_program_pid = 0;

void forward_stop_signal(int sig, siginfo_t* info, void*) {
  bool sent_by_a_process = info->si_code <= 0;  // SI_USER, SI_QUEUE, SI_TKILL; the kernel's are > 0
  if (g_program_pid > 0 && sent_by_a_process) kill(g_program_pid, sig);
}

void forward_stop_signals() {
  struct sigaction act {};
  act.sa_sigaction = forward_stop_signal;
  act.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&act.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT}) sigaction(sig, &act, nullptr);  // reset by exec in the child
}

int fail(const std::string& message) {
  std::cerr << "lockscope run: " << message << "\n";
  return report::kExitError;
}

void usage(std::ostream& out) {
  out << "usage: lockscope run [--report FILE] [--exitcode N] [--options K=V:K=V] [--] PROGRAM [ARGS...]\n"
         "  Runs PROGRAM with liblockscope-rt.so preloaded; reports lock-order inversions, double locks,\n"
         "  unlocks of unheld locks and real deadlocks (human report on stderr).\n"
         "  --report FILE   write the JSON report to FILE\n"
         "  --exitcode N    status when the program succeeded but findings were made (default 66;\n"
         "                  wins over exitcode= in --options and LOCKSCOPE_OPTIONS)\n"
         "  --options OPTS  runtime options, as in LOCKSCOPE_OPTIONS (added after it, so they win):\n"
         "                  exitcode=N, halt_on_first_report=0|1, hang_timeout_ms=N (0: off),\n"
         "                  stack_depth=1..16, suppressions=FILE, symbolizer=PATH, print_report=0|1\n"
         "  LOCKSCOPE_RUNTIME=PATH overrides where the shim is found.\n"
         "  Exit status: the program's own when it failed; the findings status when it succeeded with\n"
         "  findings; 0 when clean; 2 when this command could not run it.\n";
}

// The shim: $LOCKSCOPE_RUNTIME, else next to this binary's build tree or install prefix.
std::string find_runtime(std::string& error) {
  if (const char* p = std::getenv("LOCKSCOPE_RUNTIME")) {
    if (access(p, R_OK) != 0) error = "LOCKSCOPE_RUNTIME='" + std::string(p) + "' is not a readable file";
    return p;
  }
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    error = "cannot locate the lockscope binary (/proc/self/exe)";
    return {};
  }
  fs::path dir = self.parent_path();
  for (const char* rel : {"../../runtime/liblockscope-rt.so", "../lib/liblockscope-rt.so", "liblockscope-rt.so"}) {
    fs::path candidate = (dir / rel).lexically_normal();
    if (fs::exists(candidate, ec)) return candidate.string();
  }
  error = "cannot find liblockscope-rt.so near " + dir.string() + " (set LOCKSCOPE_RUNTIME=path)";
  return {};
}

// Empty when `path` can be created (it is removed again), else why not.
std::string cannot_write(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
  close(fd);
  unlink(path.c_str());
  return {};
}

struct RemoveOnReturn {
  fs::path dir;
  ~RemoveOnReturn() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

// A report of our own, alone in a new directory: the per-process reports are found by listing it.
std::string temp_report_path() {
  std::string dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  dir += "/lockscope-run-XXXXXX";
  if (!mkdtemp(dir.data())) return {};
  return dir + "/report.json";
}

}  // namespace

int run_main(const Args& args) {
  std::string report_path, exitcode, extra_options;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)name;
      return &args[++i];
    };
    if (a == "--") {
      ++i;
      break;
    }
    if (a == "--help" || a == "-h") {
      usage(std::cout);
      return 0;
    }
    if (a == "--report" || a == "--exitcode" || a == "--options") {
      const std::string* v = value(a.c_str());
      if (!v) return fail("option " + a + " needs a value");
      if (a == "--report") report_path = *v;
      else if (a == "--options") extra_options = *v;
      else {
        char* end = nullptr;
        long n = std::strtol(v->c_str(), &end, 10);
        if (v->empty() || *end || n < 0 || n > 255) return fail("--exitcode expects 0..255, got '" + *v + "'");
        exitcode = std::to_string(n);
      }
      continue;
    }
    if (a.starts_with("-")) return fail("unknown option '" + a + "' (see lockscope run --help)");
    break;
  }
  if (i >= args.size()) {
    usage(std::cerr);
    return fail("no program to run");
  }
  std::string error;
  std::string runtime = find_runtime(error);
  if (!error.empty()) return fail(error);
  // Later settings win in the shim's parser: the environment, then --options, then --exitcode.
  std::string options = "exitcode=66";
  if (const char* p = std::getenv("LOCKSCOPE_OPTIONS"); p && *p) options += ":" + std::string(p);
  if (!extra_options.empty()) options += ":" + extra_options;
  if (!exitcode.empty()) options += ":exitcode=" + exitcode;
  rt::Options parsed;
  if (auto err = rt::parse_options(options, parsed)) return fail("runtime options: " + *err);

  bool own_report = report_path.empty();
  if (own_report && (report_path = temp_report_path()).empty())
    return fail(std::string("cannot make a directory for the report in $TMPDIR or /tmp: ") + std::strerror(errno));
  RemoveOnReturn own_report_dir{own_report ? fs::path(report_path).parent_path() : fs::path()};
  std::error_code ec;
  fs::remove(report_path, ec);
  if (std::string why = cannot_write(report_path); !why.empty())
    return fail("cannot write the report to '" + report_path + "': " + why);

  // Environment: ours first, then everything else except what we set.
  std::vector<std::string> env;
  std::string preload = runtime;
  if (const char* p = std::getenv("LD_PRELOAD"); p && *p) preload += ":" + std::string(p);
  env.push_back("LD_PRELOAD=" + preload);
  env.push_back("LOCKSCOPE_OPTIONS=" + options);
  env.push_back("LOCKSCOPE_REPORT=" + report_path);
  for (char** e = environ; e && *e; ++e) {
    std::string_view v(*e);
    if (v.starts_with("LD_PRELOAD=") || v.starts_with("LOCKSCOPE_OPTIONS=") || v.starts_with("LOCKSCOPE_REPORT="))
      continue;
    env.emplace_back(v);
  }
  std::vector<char*> envp, argv;
  for (auto& s : env) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> program_args(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  for (auto& s : program_args) argv.push_back(s.data());
  argv.push_back(nullptr);

  // fork+exec rather than posix_spawn: the child must name itself as the report's owner
  // (LOCKSCOPE_REPORT_PID), so the programs it starts in turn never overwrite the report.
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return fail(std::string("pipe: ") + std::strerror(errno));
  forward_stop_signals();
  pid_t pid = fork();
  if (pid < 0) return fail(std::string("fork: ") + std::strerror(errno));
  if (pid > 0) g_program_pid = pid;
  if (pid == 0) {
    close(err_pipe[0]);
    std::string owner = "LOCKSCOPE_REPORT_PID=" + std::to_string(getpid());
    envp.insert(envp.begin(), owner.data());
    environ = envp.data();
    execvp(argv[0], argv.data());
    int e = errno;
    (void)!write(err_pipe[1], &e, sizeof e);
    _exit(127);
  }
  close(err_pipe[1]);
  int exec_errno = 0;
  bool exec_failed = read(err_pipe[0], &exec_errno, sizeof exec_errno) == sizeof exec_errno;
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (exec_failed) return fail("cannot run '" + program_args[0] + "': " + std::strerror(exec_errno));

  size_t findings = 0;
  bool have_report = false;
  std::optional<report::RunCounters> counters;
  try {
    report::Report merged;
    if ((have_report = fs::exists(report_path, ec))) merged = report::read_json_file(report_path);
    // Processes the program started (make, a test driver, a shell) report to FILE.<pid>: fold
    // them into the one report.
    fs::path dir = fs::path(report_path).parent_path();
    std::string prefix = fs::path(report_path).filename().string() + ".";
    std::vector<fs::path> parts;
    for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with(prefix) && name.find_first_not_of("0123456789", prefix.size()) == std::string::npos)
        parts.push_back(entry.path());
    }
    for (const fs::path& part : parts) {
      report::Report r = report::read_json_file(part.string());
      for (auto& f : r.findings) merged.findings.push_back(std::move(f));
      if (r.counters) {
        report::RunCounters& c = merged.counters ? *merged.counters : merged.counters.emplace();
        c.locks += r.counters->locks, c.threads += r.counters->threads, c.edges += r.counters->edges;
      }
      if (!have_report) merged.version = r.version, merged.source = r.source;
      have_report = true;
      fs::remove(part, ec);
    }
    if (!parts.empty()) {
      report::canonicalize(merged.findings);
      std::ofstream out(report_path);
      report::write_json(out, merged);
    }
    findings = merged.findings.size();
    counters = merged.counters;
  } catch (const report::ReportFormatError& e) {
    std::cerr << "lockscope run: " << e.what() << "\n";
    have_report = false;
  }
  if (WIFSIGNALED(status)) {
    std::cerr << "lockscope run: '" << program_args[0] << "' was killed by signal " << WTERMSIG(status) << " ("
              << strsignal(WTERMSIG(status)) << ")";
    if (findings > 0) std::cerr << "; " << findings << (findings == 1 ? " finding" : " findings") << " reported";
    std::cerr << "\n";
    return 128 + WTERMSIG(status);
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  if (!have_report && code == 0)
    std::cerr << "lockscope run: no report from '" << program_args[0]
              << "': the shim did not run in it (statically linked or set-uid programs cannot be preloaded)\n";
  // What the shim saw: an empty report from a run that locked nothing is told from a clean one.
  if (have_report && counters)
    std::cerr << "lockscope run: " << findings << (findings == 1 ? " finding" : " findings") << "; the shim saw "
              << counters->locks << " locks, " << counters->threads << " threads, " << counters->edges
              << " lock-order edges\n";
  int findings_status = parsed.exitcode;
  if (code != 0 && code != findings_status) return code;  // the program's own failure wins
  return findings > 0 ? findings_status : code;
}

}  // namespace lockscope::cli
