// Compares a runtime JSON report with the expectations written in a test program
// (testdata/README.md: `// expect: kind` / `// expect[runtime]: kind` on the finding's line) and
// checks the exit status. Prints a diff and exits 1 on any mismatch.
//   lockscope_rt_expect SOURCE REPORT EXIT_STATUS [EXPECTED_FINDINGS_STATUS]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "report/json_io.h"

namespace {
using Key = std::pair<unsigned, std::string>;  // line, kind

std::multiset<Key> expectations(const std::string& path) {
  std::ifstream in(path);
  std::multiset<Key> out;
  std::string line;
  std::regex re(R"(//\s*expect(\[(static|runtime)\])?:\s*([a-z, -]+))");
  for (unsigned n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (!std::regex_search(line, m, re) || m[2] == "static") continue;
    std::stringstream kinds(m[3].str());
    std::string k;
    while (std::getline(kinds, k, ',')) {
      k.erase(0, k.find_first_not_of(' '));
      k.erase(k.find_last_not_of(' ') + 1);
      if (!k.empty()) out.insert({n, k});
    }
  }
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: lockscope_rt_expect SOURCE REPORT EXIT_STATUS [FINDINGS_STATUS]\n";
    return 2;
  }
  std::string source = argv[1], report_path = argv[2];
  int status = std::atoi(argv[3]);
  int findings_status = argc > 4 ? std::atoi(argv[4]) : 66;
  std::multiset<Key> want = expectations(source), got;
  std::string base = std::filesystem::path(source).filename().string();
  bool ok = true;
  try {
    auto report = lockscope::report::read_json_file(report_path);
    for (const auto& f : report.findings) {
      if (std::filesystem::path(f.location.file).filename().string() != base) {
        std::cout << "finding outside the program: " << f.location.file << ":" << f.location.line << " " << f.kind
                  << ": " << f.message << "\n";
        ok = false;
        continue;
      }
      got.insert({f.location.line, f.kind});
    }
  } catch (const std::exception& e) {
    std::cout << "no valid report: " << e.what() << "\n";
    ok = false;
  }
  for (const Key& k : want)
    if (got.count(k) < want.count(k)) std::cout << "- " << base << ":" << k.first << " " << k.second << " (expected, not reported)\n", ok = false;
  for (const Key& k : got)
    if (want.count(k) < got.count(k)) std::cout << "+ " << base << ":" << k.first << " " << k.second << " (reported, not expected)\n", ok = false;
  int want_status = want.empty() ? 0 : findings_status;
  if (status != want_status) {
    std::cout << "exit status " << status << ", expected " << want_status << "\n";
    ok = false;
  }
  return ok ? 0 : 1;
}
